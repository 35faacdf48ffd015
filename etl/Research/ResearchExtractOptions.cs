namespace Monitoring.Etl.Research;

/// <summary>One research extract: which data, which project, where, and how anonymous.</summary>
public sealed record ResearchExtractOptions
{
    public required string DataDir { get; init; }

    /// <summary>The project's name: lowercase letters, digits, '-' and '_' (it names the key derivation and the folder).</summary>
    public required string Project { get; init; }

    /// <summary>The extract goes to &lt;OutDir&gt;/&lt;project&gt;_r&lt;run_id&gt;/ (refused if it exists).</summary>
    public required string OutDir { get; init; }

    /// <summary>Every combination of quasi-identifiers must be shared by at least K records.</summary>
    public int K { get; init; } = 5;

    /// <summary>Generalize further while more than this share of a table's records would have to be suppressed.</summary>
    public double MaxSuppressedShare { get; init; } = 0.05;

    /// <summary>Demo runs may use the throw-away demo key (as `run --demo`); otherwise the pipeline key is required.</summary>
    public bool Demo { get; init; }
}
