namespace Monitoring.Etl.Schedule;

/// <summary>The kinds of job schedules.json can declare, and the settings each one accepts.</summary>
public static class JobTypes
{
    public const string IngestLatestExport = "ingest-latest-export";
    public const string RebuildIndicators = "rebuild-indicators";
    public const string PublishOpenData = "publish-open-data";
    public const string Housekeeping = "housekeeping";
    public const string SendAlertDigest = "send-alert-digest";
    public const string CompactLake = "compact-lake";

    public static readonly IReadOnlyList<string> All = [IngestLatestExport, RebuildIndicators, PublishOpenData, Housekeeping, SendAlertDigest, CompactLake];

    /// <summary>Setting names allowed under "settings" for each type (anything else is a typo and refused).</summary>
    public static IReadOnlyList<string> SettingsOf(string type) => type switch
    {
        IngestLatestExport => ["drop_folder", "demo", "max_quarantined", "max_row_loss"],
        Housekeeping => ["keep_snapshots", "keep_quarantine", "clean_building"],
        CompactLake => ["max_delta_files"],
        SendAlertDigest => ["smtp_host", "smtp_port", "smtp_from", "smtp_tls", "smtp_user", "smtp_timeout_seconds", "dashboard_url"],
        _ => [],
    };
}
