namespace Monitoring.Etl.Research;

/// <summary>
/// The key variables: what an outsider could know about a household, or link to it by joining the extract's
/// files on household_pid / case_pid, and use to single it out. They are taken across the linked tables, not
/// table by table — a household's combined key is its own row's, plus the area and opening period of each of its
/// cases, plus the age bands of all its members; a person's adds their own age band, sex and citizenship.
/// </summary>
public static class KeyVariables
{
    public static readonly IReadOnlyList<string> Household =
        ["households.area_code", "households.household_size", "households.has_minors", "households.isee_band", "households.measure",
         "households.pathway", "households.status", "households.application_period", "households.benefit_start_period",
         "households.benefit_end_period", "cases.area_code + cases.opened_period (each case of the household)",
         "persons.age_band (every member: the household's composition)"];

    public static readonly IReadOnlyList<string> Person = [.. Household, "persons.age_band", "persons.sex", "persons.citizenship"];

    /// <summary>Dates never released as dates: each is a period of the rung's width, or a count of days/months since the case opened / the benefit started.</summary>
    public const string DatesRule = "no exact date in any file";
}
