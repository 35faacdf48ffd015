namespace Monitoring.Etl.Research;

/// <summary>
/// One rung of the generalization ladder for the quasi-identifiers: where a household lives, its size, the
/// members' age and citizenship. Each rung is coarser than the one before.
/// </summary>
/// <param name="MunicipalityMinPopulation">a municipality with at least this 2011 population keeps its code; smaller ones become their ATS (int.MaxValue: every one does).</param>
/// <param name="AgeBandYears">width of the age bands (ages 80 and over form one band).</param>
/// <param name="HouseholdSizeCap">sizes from this up are one class ("6+").</param>
/// <param name="CitizenshipTwoClasses">IT / EU / NON_EU become IT / not IT.</param>
public sealed record GeneralizationStep(int Rung, int MunicipalityMinPopulation, int AgeBandYears, int HouseholdSizeCap, bool CitizenshipTwoClasses)
{
    public static readonly IReadOnlyList<GeneralizationStep> Ladder =
    [
        new(0, 50_000, 5, 6, false),
        new(1, int.MaxValue, 5, 6, false),
        new(2, int.MaxValue, 10, 6, false),
        new(3, int.MaxValue, 10, 5, false),
        new(4, int.MaxValue, 10, 5, true),
        new(5, int.MaxValue, 20, 4, true),
    ];

    public IEnumerable<string> Describe()
    {
        yield return MunicipalityMinPopulation == int.MaxValue
            ? "municipality → ATS for every household"
            : $"municipality → ATS where the municipality had fewer than {MunicipalityMinPopulation:N0} residents in 2011";
        yield return $"birth year → {AgeBandYears}-year age bands at the reference date, 80+ top band";
        yield return $"household size capped at {HouseholdSizeCap}+";
        yield return "minors → has_minors (yes/no)";
        if (CitizenshipTwoClasses) yield return "citizenship → IT / not IT";
    }

    public string GeoSql(string municipality, string ats, string population) =>
        MunicipalityMinPopulation == int.MaxValue ? ats
            : $"case when coalesce({population}, 0) >= {MunicipalityMinPopulation} then {municipality} else {ats} end";

    public string SizeSql(string members) =>
        $"case when {members} >= {HouseholdSizeCap} then '{HouseholdSizeCap}+' else cast({members} as varchar) end";

    public string AgeBandSql(string age) =>
        $"case when {age} is null then null when {age} >= 80 then '80+' else " +
        $"cast(floor(greatest({age}, 0) / {AgeBandYears}) * {AgeBandYears} as integer)::varchar || '-' || cast(floor(greatest({age}, 0) / {AgeBandYears}) * {AgeBandYears} + {AgeBandYears - 1} as integer)::varchar end";

    public string CitizenshipSql(string citizenship) =>
        CitizenshipTwoClasses ? $"case when {citizenship} is null then null when {citizenship} = 'IT' then 'IT' else 'not_IT' end" : citizenship;
}
