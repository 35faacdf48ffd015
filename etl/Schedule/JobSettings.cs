namespace Monitoring.Etl.Schedule;

/// <summary>The "settings" object of one job; which fields apply depends on the job type (see <see cref="JobTypes.SettingsOf"/>).</summary>
public sealed record JobSettings
{
    /// <summary>ingest: the folder the CMIS drops exports into (folders or .zip files); absolute once loaded.</summary>
    public string? DropFolder { get; init; }
    /// <summary>ingest: run the pipeline in demo mode (throw-away pseudonym key). Never in production.</summary>
    public bool Demo { get; init; }
    /// <summary>ingest: the publish guard's thresholds for this job (null = the environment's, else 5%).</summary>
    public double? MaxQuarantined { get; init; }
    public double? MaxRowLoss { get; init; }
    /// <summary>housekeeping: how many snapshots to keep (the one in CURRENT is always kept on top).</summary>
    public int KeepSnapshots { get; init; } = 3;
    /// <summary>housekeeping: how many quarantine/&lt;run_id&gt; folders to keep (the current run's always kept).</summary>
    public int? KeepQuarantine { get; init; }
    /// <summary>housekeeping: remove building/&lt;run_id&gt; left behind by a killed run (safe: housekeeping holds the writer lock).</summary>
    public bool CleanBuilding { get; init; } = true;
    /// <summary>compact-lake: a lake table is compacted when its manifest lists more delta files than this.</summary>
    public int MaxDeltaFiles { get; init; } = Cli.CompactCommand.DefaultMaxDeltaFiles;
    /// <summary>send-alert-digest: the SMTP server (see Digest/SmtpSettings; the password comes from the environment only).</summary>
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 587;
    public string? SmtpFrom { get; init; }
    /// <summary>none | starttls | tls</summary>
    public string SmtpTls { get; init; } = "starttls";
    public string? SmtpUser { get; init; }
    public int SmtpTimeoutSeconds { get; init; } = 30;
    /// <summary>send-alert-digest: the dashboards' public address, which the digest's links start with.</summary>
    public string? DashboardUrl { get; init; }
}
