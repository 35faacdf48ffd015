namespace Monitoring.Etl.Research;

/// <summary>
/// One rung of the generalization ladder for the key variables — everything an outsider could know about a
/// household or link to it through the extract's tables: where it lives, its size and composition (members' age
/// bands), ISEE band, measure, pathway, status, and every date (absolute dates appear only as periods of this
/// rung's width; dates inside a case are days since it was opened). Each rung is coarser than the one before; the
/// extractor takes the first whose residual suppression stays within the allowed share.
/// </summary>
/// <param name="Period">month, quarter, half or year: the width of application, benefit and case-opening periods.</param>
/// <param name="AgeBands">ten (0-9 … 80+), broad (0-17, 18-34, 35-49, 50-64, 65+) or coarse (0-17, 18-64, 65+).</param>
/// <param name="IseeBands">4 (&lt;3000, 3000-5999, 6000-9360, &gt;9360) or 2 (&lt;6000, ≥6000).</param>
/// <param name="HouseholdSizeCap">sizes from this up are one class ("5+").</param>
/// <param name="CitizenshipTwoClasses">IT / EU / NON_EU become IT / not_IT.</param>
/// <param name="KeepStatusAndEnd">false: the application status and the benefit's end period are withheld.</param>
/// <param name="RegionOnly">true: the area is the region, not the ATS (households and cases).</param>
/// <param name="OneAbsolutePeriod">true: only the benefit's start period stays; the application and case-opening periods are withheld.</param>
/// <param name="PersonsAgeOnly">true: the members' sex and citizenship are withheld (age band, relationship and activability stay).</param>
public sealed record GeneralizationStep(int Rung, string Period, string AgeBands, int IseeBands, int HouseholdSizeCap,
    bool CitizenshipTwoClasses, bool KeepStatusAndEnd, bool RegionOnly, bool OneAbsolutePeriod = false, bool PersonsAgeOnly = false)
{
    public static readonly IReadOnlyList<GeneralizationStep> Ladder =
    [
        new(0, "month", "ten", 4, 6, false, true, false),
        new(1, "quarter", "ten", 4, 6, false, true, false),
        new(2, "quarter", "broad", 4, 5, false, true, false),
        new(3, "half", "broad", 2, 5, true, true, false),
        new(4, "year", "coarse", 2, 5, true, true, false),
        new(5, "year", "coarse", 2, 4, true, false, false),
        new(6, "year", "coarse", 2, 4, true, false, true),
        new(7, "year", "coarse", 2, 4, true, false, true, OneAbsolutePeriod: true),
        new(8, "year", "coarse", 2, 4, true, false, true, OneAbsolutePeriod: true, PersonsAgeOnly: true),
    ];

    public IEnumerable<string> Describe()
    {
        yield return RegionOnly ? "area → region (households and cases)" : "area → ATS (municipality never released)";
        yield return $"application, benefit start/end and case-opening dates → {Period} (YYYY{PeriodExample}); dates within a case → days since the case was opened; payments → months since the benefit started";
        yield return AgeBands switch
        {
            "ten" => "age at the reference date → 10-year bands, 80+ top band",
            "broad" => "age at the reference date → 0-17, 18-34, 35-49, 50-64, 65+",
            _ => "age at the reference date → 0-17, 18-64, 65+",
        };
        yield return $"household size capped at {HouseholdSizeCap}+";
        yield return IseeBands == 4 ? "ISEE → 4 bands (<3000, 3000-5999, 6000-9360, >9360)" : "ISEE → 2 bands (<6000, ≥6000)";
        if (CitizenshipTwoClasses) yield return "citizenship → IT / not IT";
        if (!KeepStatusAndEnd) yield return "application status and benefit end period withheld";
        if (OneAbsolutePeriod) yield return "application and case-opening periods withheld (only the benefit's start period stays)";
        if (PersonsAgeOnly) yield return "members' sex and citizenship withheld";
        yield return "payment amounts rounded to 10 euro";
    }

    string PeriodExample => Period switch { "month" => "-MM", "quarter" => "-Qn", "half" => "-Hn", _ => "" };

    public string PeriodSql(string date) => Period switch
    {
        "month" => $"strftime({date}, '%Y-%m')",
        "quarter" => $"(year({date})::varchar || '-Q' || quarter({date})::varchar)",
        "half" => $"(year({date})::varchar || '-H' || (case when month({date}) <= 6 then '1' else '2' end))",
        _ => $"year({date})::varchar",
    };

    public string AreaSql(string ats, string region) => RegionOnly ? region : ats;

    public string SizeSql(string members) =>
        $"case when {members} is null then null when {members} >= {HouseholdSizeCap} then '{HouseholdSizeCap}+' else cast({members} as varchar) end";

    public string AgeBandSql(string age) => AgeBands switch
    {
        "ten" => $"case when {age} is null then null when {age} >= 80 then '80+' else " +
                 $"cast(floor(greatest({age}, 0) / 10) * 10 as integer)::varchar || '-' || cast(floor(greatest({age}, 0) / 10) * 10 + 9 as integer)::varchar end",
        "broad" => $"case when {age} is null then null when {age} < 18 then '0-17' when {age} < 35 then '18-34' when {age} < 50 then '35-49' when {age} < 65 then '50-64' else '65+' end",
        _ => $"case when {age} is null then null when {age} < 18 then '0-17' when {age} < 65 then '18-64' else '65+' end",
    };

    public string IseeSql(string isee) => IseeBands == 4
        ? $"case when {isee} is null then null when {isee} < 3000 then '<3000' when {isee} < 6000 then '3000-5999' when {isee} <= 9360 then '6000-9360' else '>9360' end"
        : $"case when {isee} is null then null when {isee} < 6000 then '<6000' else '>=6000' end";

    public string CitizenshipSql(string citizenship) =>
        CitizenshipTwoClasses ? $"case when {citizenship} is null then null when {citizenship} = 'IT' then 'IT' else 'not_IT' end" : citizenship;
}
