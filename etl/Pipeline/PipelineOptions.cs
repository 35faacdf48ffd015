namespace Monitoring.Etl.Pipeline;

/// <summary>What one pipeline run needs: the export to read and the data directory to publish into.</summary>
public sealed record PipelineOptions
{
    /// <summary>An export folder or a .zip of one.</summary>
    public required string Source { get; init; }

    /// <summary>DATA_DIR: snapshots, run reports, quarantine (see docs/ARCHITECTURE.md).</summary>
    public required string DataDir { get; init; }

    /// <summary>Optional extra copy of the JSON run report.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Demo mode may create a throw-away pseudonym key outside the repository; production refuses to run without one.</summary>
    public bool Demo { get; init; }

    /// <summary>Thresholds that refuse a snapshot losing rows or quarantining too much (see <see cref="PublishGuard"/>).</summary>
    /// <remarks>Read from the environment only when a run needs it (a rebuild never does).</remarks>
    public PublishGuard Guard { get => _guard ??= PublishGuard.FromEnvironment(); init => _guard = value; }
    PublishGuard? _guard;
}
