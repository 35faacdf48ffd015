
namespace Monitoring.Access.Alerts;

/// <summary>One alert in words (Italian or English), the same on the inbox page and in the e-mail digest: codes only.</summary>
public static class AlertText
{
    public static string Describe(AlertItem item, string lang)
    {
        string S(string? status) => status is null ? "—" : Labels.T(lang, "status." + status);
        var format = AlertLabels.T(lang, "al.kind." + item.Kind);
        return item.Kind switch
        {
            "alarm" or "recovered" => string.Format(format, item.IndicatorId, item.AtsCode, item.Month),
            "episode" => string.Format(format, item.IndicatorId, item.AtsCode, item.Month, Labels.T(lang, "severity." + item.Severity)),
            "status" => string.Format(format, item.IndicatorId, item.AtsCode, S(item.PreviousStatus), S(item.Status)),
            "job_failed" => string.Format(format, item.JobName),
            _ => string.Format(format, item.RunId),
        };
    }
}
