using System.Text.Json;

namespace Monitoring.DataDir.Runs;

public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}
