using System.Text.Json;

namespace Monitoring.Etl.Pipeline;

public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}
