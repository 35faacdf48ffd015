namespace Monitoring.Warehouse.Disclosure;

/// <summary>
/// Which disaggregated cells (indicator_member_values) are public: the members of a public indicator's dimensions at
/// national and region level, where the indicator itself is public at that level. Not per ATS: an ATS cut by ten
/// dimensions is mostly cells below 10, and hiding each of them would force secondary suppression through the ATS
/// totals the public sees today. The same list for the page and the release, read by <see cref="PublicCellInputs"/>.
/// </summary>
public static class PublicMembers
{
    public static readonly IReadOnlyList<string> Levels = ["national", "region"];

    public static bool Allows(string indicatorId, string level) => Levels.Contains(level) && NeverPublic.Allows(indicatorId, level);
}
