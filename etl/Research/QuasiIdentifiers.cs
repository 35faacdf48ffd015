namespace Monitoring.Etl.Research;

/// <summary>
/// The quasi-identifiers: what an outsider may know about a household or a person and use to single them out.
/// A person's combination includes their household's, because the extract joins persons to households.
/// </summary>
public static class QuasiIdentifiers
{
    public static readonly IReadOnlyList<string> Household = ["geo_code", "household_size", "has_minors"];
    public static readonly IReadOnlyList<string> Person = ["geo_code", "household_size", "has_minors", "age_band", "sex", "citizenship"];
}
