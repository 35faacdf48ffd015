using System.Text.Json.Serialization;

namespace Monitoring.DataDir.Runs;

/// <summary>
/// The record of one run, written as JSON under DATA_DIR/runs and (optionally) to --report by the etl, and read back by
/// the scheduler (which exports are loaded) and the dashboards' operations page: one type for the writer and its readers
/// (<see cref="RunReports"/>).
/// </summary>
public sealed class RunReport
{
    [JsonPropertyName("run_id")] public string RunId { get; set; } = "";
    [JsonPropertyName("export_id")] public string? ExportId { get; set; }
    /// <summary>succeeded | refused | failed | skipped</summary>
    [JsonPropertyName("status")] public RunStatus Status { get; set; } = RunStatus.Failed;
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    [JsonPropertyName("reference_date")] public string? ReferenceDate { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("started_at")] public DateTimeOffset StartedAt { get; set; }
    [JsonPropertyName("finished_at")] public DateTimeOffset? FinishedAt { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("file_hashes")] public Dictionary<string, string> FileHashes { get; set; } = new();
    [JsonPropertyName("files")] public Dictionary<string, FileCounts> Files { get; set; } = new();
    [JsonPropertyName("stages")] public Dictionary<string, double> StageSeconds { get; set; } = new();
    [JsonPropertyName("peak_memory_mb")] public double PeakMemoryMb { get; set; }
    /// <summary>A delta whose marts and indicators were rebuilt only downstream of the tables it changed.</summary>
    [JsonPropertyName("partial_rebuild")] public bool PartialRebuild { get; set; }
    /// <summary>A partial rebuild's indicators computed again (sorted); the others kept their values. Null on a full run.</summary>
    [JsonPropertyName("recomputed_indicators")] public List<string>? RecomputedIndicators { get; set; }
    /// <summary>What the operator should know though the run went on (a forced publication, leftovers removed).</summary>
    [JsonPropertyName("warnings")] public List<string> Warnings { get; set; } = new();
    /// <summary>Where the report could not be written (DATA_DIR full or read-only), so the command line says so.</summary>
    [JsonIgnore] public string? ReportNotWritten { get; set; }

    /// <summary>
    /// A refused or failed run loads nothing: every row read counts as quarantined — under the reason
    /// validation gave it, or <paramref name="reason"/> (export_refused, run_failed) for the rows that
    /// passed — so read = loaded + quarantined still holds, and the reasons still add up.
    /// </summary>
    public void CountNothingLoaded(string reason)
    {
        foreach (var c in Files.Values)
        {
            var passed = c.Read - c.Quarantined;
            if (passed > 0) c.Reasons[reason] = c.Reasons.GetValueOrDefault(reason) + passed;
            c.Quarantined = c.Read;
            c.Loaded = 0;
        }
    }
    /// <summary>What the load changed in the follow-up register's flag episodes (EpisodeRegisterStage).</summary>
    [JsonPropertyName("episodes")] public Dictionary<string, long>? Episodes { get; set; }
    /// <summary>Why the register could not take the episodes (the run still succeeded).</summary>
    [JsonPropertyName("episodes_error")] public string? EpisodesError { get; set; }

    /// <summary>Rows read, loaded and quarantined over every file (the operations page's totals; not written).</summary>
    [JsonIgnore] public long RowsRead => Files.Values.Sum(f => f.Read);
    [JsonIgnore] public long RowsLoaded => Files.Values.Sum(f => f.Loaded);
    [JsonIgnore] public long RowsQuarantined => Files.Values.Sum(f => f.Quarantined);
}

public sealed class FileCounts
{
    [JsonPropertyName("read")] public long Read { get; set; }
    [JsonPropertyName("loaded")] public long Loaded { get; set; }
    [JsonPropertyName("quarantined")] public long Quarantined { get; set; }
    [JsonPropertyName("reasons")] public Dictionary<string, long> Reasons { get; set; } = new();
    [JsonPropertyName("unknown_columns")] public List<string> UnknownColumns { get; set; } = new();
}
