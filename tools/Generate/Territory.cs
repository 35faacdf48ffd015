namespace Monitoring.Tools.Generate;

/// <summary>The generated ATS partition with its dated membership, and the events the truth file reports.</summary>
internal sealed class Territory
{
    public required List<AtsUnit> Units { get; init; }
    public required DateOnly WindowStart { get; init; }
    public required DateOnly ReferenceDate { get; init; }
    public required IReadOnlyList<Municipality> AllMunicipalities { get; init; }
    public List<MunicipalityMove> Moves { get; } = [];
    public List<MunicipalityMerger> Mergers { get; } = [];

    /// <summary>The month (first day) in which the staffing-gap ATS has no case manager at all.</summary>
    public DateOnly? GapMonth { get; set; }

    private Dictionary<string, List<(Membership Row, AtsUnit Unit)>>? _byMunicipality;

    /// <summary>The ATS whose membership holds the municipality on that day (null when none does).</summary>
    public AtsUnit? AtsOn(string municipalityCode, DateOnly day)
    {
        _byMunicipality ??= Units
            .SelectMany(u => u.Memberships.Select(m => (Row: m, Unit: u)))
            .GroupBy(x => x.Row.Municipality.Code)
            .ToDictionary(g => g.Key, g => g.ToList());
        if (!_byMunicipality.TryGetValue(municipalityCode, out var rows)) return null;
        foreach (var (row, unit) in rows)
            if (row.HoldsOn(day)) return unit;
        return null;
    }

    private HashSet<string>? _mergedAway;

    /// <summary>True for a municipality absorbed by a merger (its households are recorded under the absorbing one).</summary>
    public bool IsMergedAway(string municipalityCode) =>
        (_mergedAway ??= Mergers.Select(m => m.Absorbed.Code).ToHashSet()).Contains(municipalityCode);
}

/// <summary>A municipality that moves from one ATS to another of the same province on a date.</summary>
internal sealed record MunicipalityMove(Municipality Municipality, string FromAts, string ToAts, DateOnly Date);

/// <summary>A municipality absorbed by a neighbour on a date (its households are recorded under the neighbour).</summary>
internal sealed record MunicipalityMerger(Municipality Absorbed, Municipality Into, string AtsCode, DateOnly Date);
