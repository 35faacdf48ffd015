namespace Monitoring.Etl.Read;

/// <summary>
/// The export as a whole cannot be taken (manifest missing or wrong, a file truncated or corrupted,
/// a required column missing). The message names the file (and line/column where there is one) and
/// never holds personal data; nothing of the export is published.
/// </summary>
public sealed class ExportRefusedException(string message) : Exception(message);
