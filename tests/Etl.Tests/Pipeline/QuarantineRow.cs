namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>One row of DATA_DIR/quarantine/&lt;run&gt;/&lt;file&gt;.csv as read back.</summary>
public sealed record QuarantineRow(string File, int Line, string Column, string Reason, string AllBreaches, string? RecordKey, string? Value);
