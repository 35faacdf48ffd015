namespace Monitoring.Tools.Generate;

/// <summary>
/// GePI users of each ATS: case-manager posts with turnover (leavers replaced after a vacancy, some
/// joining mid-month, some fixed-term contracts with a planned end), coordinators (about one per
/// three case managers) and one or two administrators.
/// </summary>
internal static class StaffingBuilder
{
    private static readonly DateOnly EarliestHire = new(2019, 1, 1);

    public static StaffingPlan Build(Territory territory, FiscalCodeFactory fiscalCodes, int seed)
    {
        var plan = new StaffingPlan { SlotsByAts = new List<CaseManagerSlot>[territory.Units.Count] };
        var nextId = 0;
        foreach (var unit in territory.Units)
        {
            var rng = SeedMixer.Stream(seed, 4, unit.Index);
            var ctx = new Context(territory, unit, fiscalCodes, plan, rng, () => $"OP{++nextId:000000}");
            var slots = new List<CaseManagerSlot>();
            for (var i = 0; i < unit.CaseManagerSlots; i++)
                slots.Add(unit.HasStaffingGap ? GapSlot(ctx) : Slot(ctx, allowLateStart: i > 0));
            plan.SlotsByAts[unit.Index] = slots;
            var coordinators = Math.Max(1, (int)Math.Round(unit.CaseManagerSlots / 3.0));
            for (var i = 0; i < coordinators; i++) Slot(ctx, allowLateStart: false, role: "coordinator");
            var admins = unit.CaseManagerSlots > 40 ? 2 : 1;
            for (var i = 0; i < admins; i++) Slot(ctx, allowLateStart: false, role: "admin");
        }
        return plan;
    }

    private sealed record Context(
        Territory Territory, AtsUnit Unit, FiscalCodeFactory FiscalCodes, StaffingPlan Plan, Random Rng, Func<string> NewId);

    private static CaseManagerSlot Slot(Context c, bool allowLateStart, string role = "case_manager")
    {
        var rng = c.Rng;
        var window = c.Territory.WindowStart;
        var reference = c.Territory.ReferenceDate;
        var slot = new CaseManagerSlot();
        // Most posts were filled before the period; about one in eight is a new post filled during it.
        var from = allowLateStart && rng.Chance(0.12)
            ? rng.DayBetween(window, window.AddDays((reference.DayNumber - window.DayNumber) * 2 / 3))
            : rng.DayBetween(EarliestHire, window.AddDays(-1));
        while (true)
        {
            DateOnly? to = null;
            DateOnly? next = null;
            var earliestLeave = from.AddDays(60) > window ? from.AddDays(60) : window;
            if (rng.Chance(0.15) && earliestLeave < reference.AddDays(-10))
            {
                to = rng.DayBetween(earliestLeave, reference.AddDays(-10));
                next = to.Value.AddDays(1 + rng.Next(75));
            }
            else if (rng.Chance(0.08))
            {
                to = reference.AddDays(30 + rng.Next(370)); // fixed-term contract: planned end
            }
            slot.Tenures.Add(Hire(c, role, from, to));
            if (next is null || next > reference) break;
            from = next.Value;
        }
        return slot;
    }

    // The staffing-gap ATS: every case manager leaves in the month before the gap month and the
    // replacements arrive in the month after, so the gap month has no case manager at all.
    private static CaseManagerSlot GapSlot(Context c)
    {
        var gap = c.Territory.GapMonth!.Value;
        var rng = c.Rng;
        var slot = new CaseManagerSlot();
        slot.Tenures.Add(Hire(c, "case_manager", rng.DayBetween(EarliestHire, c.Territory.WindowStart.AddDays(-1)),
            gap.AddDays(-1 - rng.Next(25))));
        slot.Tenures.Add(Hire(c, "case_manager", gap.AddMonths(1).AddDays(rng.Next(20)), null));
        return slot;
    }

    private static Tenure Hire(Context c, string role, DateOnly from, DateOnly? to)
    {
        var rng = c.Rng;
        var female = rng.Chance(0.78); // social work is mostly women's work in Italy
        var first = rng.Pick(female ? ItalianNames.Female : ItalianNames.Male);
        var last = rng.Pick(ItalianNames.Surnames);
        var birth = rng.DayBetween(c.Territory.ReferenceDate.AddYears(-64), c.Territory.ReferenceDate.AddYears(-25));
        var birthPlace = rng.Chance(0.7) ? rng.Pick(c.Unit.Members) : rng.Pick(c.Territory.AllMunicipalities);
        var id = c.NewId();
        var hours = rng.NextDouble() switch
        {
            < 0.75 => 36,
            < 0.82 => 30,
            < 0.88 => 24,
            < 0.95 => 18,
            _ => (int?)null,
        };
        c.Plan.Operators.Add(new OperatorRecord(
            id,
            c.FiscalCodes.Create(last, first, birth, female, birthPlace.CadastralCode, rng),
            first, last,
            $"{EmailPart(first)}.{EmailPart(last)}.{id[2..]}@{c.Unit.Code.ToLowerInvariant()}.gepi.example.it",
            role, c.Unit.Code, from, to, hours));
        return new Tenure(id, from, to);
    }

    private static string EmailPart(string s) =>
        new(s.ToLowerInvariant().Replace('ò', 'o').Replace('à', 'a').Replace('è', 'e').Replace('ù', 'u').Replace('ì', 'i')
            .Where(char.IsAsciiLetterLower).ToArray());
}
