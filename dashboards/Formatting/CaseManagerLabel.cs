namespace Monitoring.Dashboards.Formatting;

/// <summary>Short pseudonymous labels ("CM-3f2a9c", "C-0b91de") from the keys: readable, and still not a person.</summary>
public static class CaseManagerLabel
{
    public static string Of(string? operatorKey) => "CM-" + Short(operatorKey);
    public static string OfCase(string? caseKey) => "C-" + Short(caseKey);
    private static string Short(string? key) => string.IsNullOrEmpty(key) ? "------" : key[..Math.Min(6, key.Length)];
}
