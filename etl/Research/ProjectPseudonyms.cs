using Monitoring.Warehouse.Pseudonyms;
using Monitoring.Etl.Pseudonymize;

namespace Monitoring.Etl.Research;

/// <summary>
/// Project-specific pseudonyms. The project key is derived from the pipeline key with HKDF (info
/// "monitoring/research/&lt;project&gt;"), and each warehouse key is re-pseudonymized under it:
/// project_pid = first 16 bytes of HMAC-SHA256(project key, "&lt;domain&gt;|&lt;warehouse key&gt;"). Without the
/// pipeline key nobody can map a project's pids to the warehouse or to another project's pids.
/// </summary>
public static class ProjectPseudonyms
{
    public static PseudonymKey KeyFor(string project, bool demo) => PseudonymKey.Resolve(demo).Derive("research/" + project);

    /// <summary>Builds map_&lt;domain&gt;(key, pid) in the extract's working database from the distinct keys <paramref name="keysSql"/> returns.</summary>
    public static int BuildMap(OpenData.WarehouseSnapshot wh, Pseudonymizer pseudonymizer, string domain, string keysSql)
    {
        var keys = wh.Rows($"select distinct k from ({keysSql}) as s(k) where k is not null").Select(r => Convert.ToString(r[0])!).ToList();
        // Warehouse keys are UUIDs (events' ids are text); the pid is the HMAC of the key's 32 hex digits
        // without dashes, as when keys were stored as text, so a project's pids stay the same across releases.
        var pids = pseudonymizer.PseudonymizeAll(domain, keys.Select(k => Guid.TryParse(k, out var g) ? g.ToString("N") : k).ToList());
        var keyType = wh.Rows($"select typeof(k) from ({keysSql}) as s(k) limit 1").Select(r => Convert.ToString(r[0])).FirstOrDefault() ?? "VARCHAR";
        wh.Exec($"create or replace table map_{domain} (key {keyType}, pid varchar)");
        using (var appender = wh.Connection.CreateAppender($"map_{domain}"))
            for (var i = 0; i < keys.Count; i++)
            {
                var row = appender.CreateRow();
                (keyType == "UUID" ? row.AppendValue(Guid.Parse(keys[i])) : row.AppendValue(keys[i])).AppendValue(pids[i].ToString("N")).EndRow();
            }
        return keys.Count;
    }
}
