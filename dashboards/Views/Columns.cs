using Monitoring.Dashboards.Localization;

namespace Monitoring.Dashboards.Views;

/// <summary>Builds grid columns whose labels come from the label dictionary ("col.&lt;key&gt;").</summary>
internal static class Columns
{
    public static GridColumn Of(string lang, string key, string format = "text") => new(key, Labels.T(lang, "col." + key), format);
}
