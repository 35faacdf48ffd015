namespace Monitoring.Access.Views;

/// <summary>A dimension of the catalogue (indicator_dimensions) with its members in publishing order.</summary>
public sealed record DimensionInfo(string Id, string NameIt, string NameEn, IReadOnlyList<DimensionMember> Members)
{
    public string Name(string lang) => lang == "en" ? NameEn : NameIt;
}

/// <summary>A member code and its Italian and English labels (the catalogue's member_names_it / _en).</summary>
public sealed record DimensionMember(string Code, string NameIt, string NameEn)
{
    public string Name(string lang) => lang == "en" ? NameEn : NameIt;
}
