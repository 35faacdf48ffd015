namespace Monitoring.Access.Views;

/// <summary>The run_meta line every page shows: "data as of &lt;reference_date&gt; · run &lt;run_id&gt;".</summary>
public sealed record RunInfo(string RunId, string ReferenceDate, string FirstMonth, string LastMonth);
