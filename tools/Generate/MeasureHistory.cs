namespace Monitoring.Tools.Generate;

/// <summary>
/// Which measure a household applied for, and its benefit spell, so the series by measure has the programme's real
/// succession (README § Measure history): REI (Reddito di Inclusione, January 2018 – March 2019; applications drawn in
/// its last quarter, 2019-01..03), RdC (Reddito di Cittadinanza, April 2019 – December 2023), then from 2024 ADI
/// (Assegno di Inclusione, households with a minor, an over-60 or a disabled member) and SFL (Supporto per la
/// Formazione e il Lavoro, from September 2023: employable adults, €350 a month for at most 12 months).
/// </summary>
internal static class MeasureHistory
{
    /// <summary>Households of the earlier measures, as a share of the period's households. The export carries a
    /// sample of that history, not RdC's whole caseload (which peaked above ADI's), to keep the presets' size.</summary>
    public const double LegacyShare = 0.15;

    /// <summary>Share of the period's applications that are SFL (INPS counted about 1 SFL beneficiary for every 8 ADI
    /// households in 2024; see README).</summary>
    public const double SflShare = 0.10;

    public const long SflMonthlyCents = 35_000;

    /// <summary>Households of the earlier measures in the whole history, per household of the ADI/SFL period: REI
    /// reached about 0.5M households in 2018 and RdC about 2.4M over 2019–2023 against ADI's 0.7–0.8M (INPS
    /// observatories; planning figures, see README), and RdC's spells ran longer than the sample's.</summary>
    public const double WholeHistoryShare = 3.2;

    /// <summary>REI's first month (D.Lgs. 147/2017), and the month ADI's applications opened (18 December 2023, paid
    /// from January 2024, the month after RdC's last; D.L. 48/2023): the whole history runs from one to the reference
    /// date, its ADI/SFL period from the other, so the monthly series has no month without payments.</summary>
    public static readonly DateOnly ReiStart = new(2018, 1, 1);
    public static readonly DateOnly AdiApplicationsOpen = new(2023, 12, 1);

    /// <summary>ADI is granted for 18 months and can be renewed, after a month without payment, for 12 more.</summary>
    public const double AdiRenewalShare = 0.75;

    private static readonly DateOnly ReiLastApplication = new(2019, 3, 31);
    private static readonly DateOnly RdcFirstApplication = new(2019, 4, 1);
    private static readonly DateOnly RdcLastApplication = new(2023, 6, 30);
    private static readonly DateOnly ReiEnd = new(2020, 12, 31);
    private static readonly DateOnly RdcEnd = new(2023, 12, 31);

    public static bool IsLegacy(string measure) => measure is "REI" or "RDC";

    /// <summary>RdC and REI paid somewhat less than ADI on average (INPS: RdC ≈ €550 a month in 2022).</summary>
    public static double AmountFactor(string measure) => measure switch { "RDC" => 0.88, "REI" => 0.5, _ => 1.0 };

    /// <summary>An application date of an earlier measure: one in ten in REI's last quarter, the rest over RdC's years,
    /// most in its first two (the stock that moved over from REI and the first wave).</summary>
    public static DateOnly LegacyApplication(Random rng) => rng.NextDouble() switch
    {
        < 0.10 => rng.DayBetween(new DateOnly(2019, 1, 1), ReiLastApplication),
        < 0.65 => rng.DayBetween(RdcFirstApplication, new DateOnly(2020, 12, 31)),
        _ => rng.DayBetween(new DateOnly(2021, 1, 1), RdcLastApplication),
    };

    /// <summary>An application date in the whole history: REI's from its first month (its stock in the first quarter
    /// of 2018), then RdC's as in the sample.</summary>
    public static DateOnly WholeHistoryApplication(Random rng) => rng.NextDouble() switch
    {
        < 0.09 => rng.DayBetween(ReiStart, new DateOnly(2018, 3, 31)),
        < 0.18 => rng.DayBetween(new DateOnly(2018, 4, 1), ReiLastApplication),
        < 0.65 => rng.DayBetween(RdcFirstApplication, new DateOnly(2020, 12, 31)),
        _ => rng.DayBetween(new DateOnly(2021, 1, 1), RdcLastApplication),
    };

    /// <summary>The spell of an REI or RdC household: all ended (or revoked) by the measure's end.</summary>
    public static BenefitSpell Legacy(Random rng, DateOnly applied)
    {
        var measure = applied <= ReiLastApplication ? "REI" : "RDC";
        if (rng.Chance(0.08)) return new BenefitSpell(measure, "rejected", null, null, null, DateOnly.MinValue);
        var start = FirstOfNextMonth(applied);
        var months = measure == "REI" ? 6 + rng.Next(13) : 6 + rng.Next(48);
        var end = Min(start.AddMonths(months).AddDays(-1), measure == "REI" ? ReiEnd : RdcEnd);
        var status = rng.Chance(0.08) ? "revoked" : "ended";
        var lastPaid = Month(end);
        if (status == "revoked") lastPaid = lastPaid.AddMonths(-1);
        var p = rng.NextDouble();
        // REI was a social-services project for every household; RdC split between the social services' pact for
        // inclusion and the job centres' pact for work.
        var pathway = measure == "REI"
            ? p < 0.9 ? "social_services" : "exempt"
            : p < 0.46 ? "social_services" : p < 0.95 ? "employment_services" : "exempt";
        return new BenefitSpell(measure, status, start, end, pathway, lastPaid);
    }

    /// <summary>The spell of a household applying in the period: ADI (18 months) or SFL (12 months).</summary>
    public static BenefitSpell Current(Random rng, DateOnly applied, DateOnly reference)
    {
        var measure = rng.Chance(SflShare) ? "SFL" : "ADI";
        var start = FirstOfNextMonth(applied);
        if (rng.Chance(0.06)) return new BenefitSpell(measure, "rejected", null, null, null, DateOnly.MinValue);
        if (start > reference) return new BenefitSpell(measure, "applied", null, null, null, DateOnly.MinValue);
        var planned = start.AddMonths(measure == "SFL" ? 12 : 18).AddDays(-1);
        var x = rng.NextDouble();
        var canStop = start.AddMonths(1) <= reference;
        string status;
        DateOnly end, lastPaid;
        if (x < 0.045 && canStop)
        {
            status = "revoked"; end = rng.DayBetween(start.AddMonths(1), reference); lastPaid = Month(end).AddMonths(-1);
        }
        else if (x < 0.095 && canStop)
        {
            status = "ended"; end = rng.DayBetween(start.AddMonths(1), reference); lastPaid = Month(end);
        }
        else if (x < 0.125 && canStop)
        {
            status = "suspended"; end = planned; lastPaid = Month(rng.DayBetween(start.AddMonths(1), reference)).AddMonths(-1);
        }
        else if (measure == "ADI" && planned < reference && rng.Chance(AdiRenewalShare))
        {
            // Renewed: one month without payment after the 18, then 12 more. Only a period longer than 18 months
            // (the whole history) reaches here, so the other presets draw exactly as before.
            var renewed = Month(planned).AddMonths(2);
            end = renewed.AddMonths(12).AddDays(-1);
            status = end <= reference ? "ended" : "active";
            lastPaid = Month(end <= reference ? end : reference);
            var pathwayDraw = rng.NextDouble();
            return new BenefitSpell(measure, status, start, end, AdiPathway(pathwayDraw), lastPaid) { Pause = Month(planned).AddMonths(1) };
        }
        else
        {
            end = planned;
            status = planned <= reference ? "ended" : "active";
            lastPaid = Month(planned <= reference ? planned : reference);
        }
        // Over every household with a pathway about 46% go to the social services, 49% to employment services and 5%
        // are exempt (README); SFL is a job-centre measure by definition, so ADI alone leans to the social services.
        var p = rng.NextDouble();
        var pathway = measure == "SFL" ? "employment_services" : AdiPathway(p);
        return new BenefitSpell(measure, status, start, end, pathway, lastPaid);
    }

    private static string AdiPathway(double p) => p < 0.52 ? "social_services" : p < 0.95 ? "employment_services" : "exempt";

    private static DateOnly FirstOfNextMonth(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1);
    private static DateOnly Month(DateOnly d) => new(d.Year, d.Month, 1);
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>A household's measure, status as of the export and benefit dates; <c>LastPaid</c> is the first day of
/// the last month paid (MinValue: never paid).</summary>
internal readonly record struct BenefitSpell(
    string Measure, string Status, DateOnly? Start, DateOnly? End, string? Pathway, DateOnly LastPaid)
{
    /// <summary>The first day of a month without payment inside the spell (an ADI renewal's pause), or null.</summary>
    public DateOnly? Pause { get; init; }
}
