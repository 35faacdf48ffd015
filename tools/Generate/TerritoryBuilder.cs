namespace Monitoring.Tools.Generate;

/// <summary>
/// Builds a plausible ATS partition: consecutive ISTAT codes of one province grouped up to about
/// 100,000 residents, the largest cities alone; then one tiny "noisy" ATS, a few dated moves and
/// mergers, households and case managers apportioned, and the slow / understaffed ATS chosen.
/// </summary>
internal static class TerritoryBuilder
{
    // Groups close once they pass 78,000 residents, so they average about 100,000 (≈600 ATS nationally).
    private const int TargetPopulation = 78_000;
    private const int BigCity = 80_000;
    private const string NoisyRegion = "15"; // every preset includes Campania
    private static readonly DateOnly MembershipStart = new(2018, 1, 1);

    public static Territory Build(IReadOnlyList<Municipality> istat, PresetSettings settings, int seed, DateOnly referenceDate)
    {
        var windowStart = settings.WindowStart(referenceDate);
        var selected = istat
            .Where(m => settings.RegionCode is null || m.RegionCode == settings.RegionCode)
            .Where(m => settings.ProvinceCodes is null || settings.ProvinceCodes.Contains(m.ProvinceCode))
            .ToList();
        var groups = Partition(selected);
        var totalWeight = selected.Sum(TakeUpRates.Weight);

        // One tiny ATS cut off the end of a group: expected households ≈ two case managers' caseload.
        var targetHouseholds = 2.0 * settings.Households / settings.CaseManagers;
        var noisy = groups
            .Where(g => g.Count >= 3)
            .SelectMany(g => new[] { (Group: g, M: g[0]), (Group: g, M: g[^1]) })
            .Where(x => x.M.RegionCode == NoisyRegion && x.M.Population < BigCity)
            .OrderBy(x => Math.Abs(settings.Households * TakeUpRates.Weight(x.M) / totalWeight - targetHouseholds))
            .ThenBy(x => x.M.Code)
            .First();
        noisy.Group.Remove(noisy.M);
        groups.Add([noisy.M]);

        var units = groups
            .OrderBy(g => g[0].RegionCode).ThenBy(g => g[0].ProvinceCode).ThenBy(g => g[0].Code)
            .Select(g =>
            {
                var u = new AtsUnit { Code = "", Name = "", RegionCode = g[0].RegionCode, ProvinceCode = g[0].ProvinceCode };
                u.Members.AddRange(g);
                return u;
            })
            .ToList();
        foreach (var region in units.GroupBy(u => u.RegionCode))
        {
            var seq = 0;
            foreach (var u in region)
            {
                u.Code = $"ATS-{u.RegionCode}-{++seq:000}";
                var lead = u.Members.MaxBy(m => m.Population)!;
                u.Name = $"Ambito territoriale {u.RegionCode}/{seq} - {lead.Name}";
            }
        }
        for (var i = 0; i < units.Count; i++) units[i].Index = i;
        var noisyUnit = units.Single(u => u.Members.Count == 1 && u.Members[0] == noisy.M);
        noisyUnit.Profile = AtsProfile.Noisy;

        var territory = new Territory
        {
            Units = units, WindowStart = windowStart, ReferenceDate = referenceDate, AllMunicipalities = istat,
        };
        foreach (var u in units)
            foreach (var m in u.Members)
                u.Memberships.Add(new Membership(u.Code, m, MembershipStart, null));
        AddMovesAndMergers(territory, SeedMixer.Stream(seed, 2));
        Apportion(territory, settings, SeedMixer.Stream(seed, 3));
        return territory;
    }

    private static List<List<Municipality>> Partition(List<Municipality> municipalities)
    {
        var groups = new List<List<Municipality>>();
        foreach (var province in municipalities.GroupBy(m => m.ProvinceCode).OrderBy(g => g.Key))
        {
            var firstOfProvince = groups.Count;
            var current = new List<Municipality>();
            foreach (var m in province.OrderBy(m => m.Code))
            {
                if (m.Population >= BigCity)
                {
                    Flush(groups, current, firstOfProvince);
                    groups.Add([m]);
                    current = [];
                    continue;
                }
                current.Add(m);
                if (current.Sum(x => x.Population) >= TargetPopulation)
                {
                    groups.Add(current);
                    current = [];
                }
            }
            Flush(groups, current, firstOfProvince);
        }
        return groups;
    }

    // A short remainder joins the previous group of the province (if that is not a city alone), keeping codes consecutive.
    private static void Flush(List<List<Municipality>> groups, List<Municipality> current, int firstOfProvince)
    {
        if (current.Count == 0) return;
        var previous = groups.Count > firstOfProvince ? groups[^1] : null;
        if (current.Sum(x => x.Population) < TargetPopulation * 0.4 && previous is not null
            && !(previous.Count == 1 && previous[0].Population >= BigCity)
            && previous[^1].Code.CompareTo(current[0].Code) < 0)
            previous.AddRange(current);
        else
            groups.Add([.. current]);
    }

    private static void AddMovesAndMergers(Territory t, Random rng)
    {
        var units = t.Units;
        var months = (t.ReferenceDate.Year - t.WindowStart.Year) * 12 + t.ReferenceDate.Month - t.WindowStart.Month;
        var moveCount = Math.Max(1, (int)Math.Round(units.Count * 0.008));
        var candidates = units
            .Where((u, i) => i + 1 < units.Count && u.Profile == AtsProfile.Normal && units[i + 1].Profile == AtsProfile.Normal
                && u.Members.Count >= 3 && units[i + 1].ProvinceCode == u.ProvinceCode)
            .OrderBy(_ => rng.Next()).Take(moveCount).ToList();
        foreach (var from in candidates)
        {
            var to = units[from.Index + 1];
            var m = from.Members[^1];
            var date = t.WindowStart.AddMonths(3 + rng.Next(Math.Max(1, months - 5)));
            var old = from.Memberships.Single(x => x.Municipality == m);
            from.Memberships[from.Memberships.IndexOf(old)] = old with { ValidTo = date.AddDays(-1) };
            to.Memberships.Add(new Membership(to.Code, m, date, null));
            t.Moves.Add(new MunicipalityMove(m, from.Code, to.Code, date));
        }

        // Mergers take effect on 1 January, as Italian fusions of municipalities usually do.
        var mergerDate = new DateOnly(t.ReferenceDate.Year, 1, 1);
        if (mergerDate <= t.WindowStart) mergerDate = t.WindowStart.AddMonths(months / 2);
        var mergerCount = units.Count > 100 ? 2 : 1;
        var movedCodes = t.Moves.Select(x => x.Municipality.Code).ToHashSet();
        foreach (var u in units.Where(u => u.Profile == AtsProfile.Normal && u.Members.Count >= 4 && !candidates.Contains(u))
                     .OrderBy(_ => rng.Next()).Take(mergerCount))
        {
            var pair = u.Members.Zip(u.Members.Skip(1))
                .Where(p => !movedCodes.Contains(p.First.Code) && !movedCodes.Contains(p.Second.Code))
                .MinBy(p => p.First.Population + p.Second.Population);
            var (into, absorbed) = pair.First.Population >= pair.Second.Population ? (pair.First, pair.Second) : (pair.Second, pair.First);
            var old = u.Memberships.Single(x => x.Municipality == absorbed);
            u.Memberships[u.Memberships.IndexOf(old)] = old with { ValidTo = mergerDate.AddDays(-1) };
            t.Mergers.Add(new MunicipalityMerger(absorbed, into, u.Code, mergerDate));
        }
    }

    private static void Apportion(Territory t, PresetSettings settings, Random rng)
    {
        var units = t.Units;
        foreach (var u in units)
            u.TakeUpWeight = u.Members.Sum(TakeUpRates.Weight) * (u.Profile == AtsProfile.Noisy ? 1.0 : rng.LogNormal(0.15));
        var households = RandomDraws.Apportion(units.Select(u => u.TakeUpWeight).ToList(), settings.Households, 0);
        for (var i = 0; i < units.Count; i++) units[i].Households = households[i];

        // About 5% slow and 5% understaffed, among ATS large enough for a flag to be detectable.
        var median = units.Select(u => u.Households).Order().ElementAt(units.Count / 2);
        var eligible = units.Where(u => u.Profile == AtsProfile.Normal && u.Households >= median / 2)
            .OrderBy(_ => rng.Next()).ToList();
        var perKind = Math.Max(1, (int)Math.Round(units.Count * 0.05));
        foreach (var u in eligible.Take(perKind)) u.Profile = AtsProfile.Slow;
        foreach (var u in eligible.Skip(perKind).Take(perKind)) u.Profile = AtsProfile.Understaffed;

        foreach (var u in units)
            u.LagFactor = u.Profile switch
            {
                AtsProfile.Slow => 2.8 * rng.LogNormal(0.08),
                AtsProfile.Understaffed => 1.2,
                AtsProfile.Noisy => 1.0,
                _ => rng.LogNormal(0.10),
            };

        var staffing = units.Select(u => u.Households * u.Profile switch
        {
            AtsProfile.Understaffed => 0.33,
            AtsProfile.Noisy => 1.0,
            _ => rng.LogNormal(0.15),
        }).ToList();
        var slots = RandomDraws.Apportion(staffing, settings.CaseManagers, 1);
        for (var i = 0; i < units.Count; i++)
            units[i].CaseManagerSlots = units[i].Profile == AtsProfile.Noisy ? Math.Clamp(slots[i], 1, 2) : slots[i];

        // One understaffed ATS loses all its case managers for a whole month before replacements arrive.
        var gap = units.Where(u => u.Profile == AtsProfile.Understaffed).OrderBy(u => u.CaseManagerSlots).First();
        gap.HasStaffingGap = true;
        t.GapMonth = new DateOnly(t.ReferenceDate.Year, t.ReferenceDate.Month, 1).AddMonths(-7);
    }
}
