using DuckDB.NET.Data;
using Monitoring.Etl.Contract;

namespace Monitoring.Etl.Validate;

/// <summary>
/// Finds, before the rule statement runs, whether a file can hold a duplicate key at all, so the statement joins
/// every row against the duplicate keys only when there are some (most exports have none; the join and the second
/// scan of the text behind it were ~40% of a large file's check: README § Measured, "One pass: duplicate keys").
/// Two exact tests, cheapest first:
/// <list type="number">
/// <item>Exports are usually written in key order. One streaming pass compares each row's key with the row before
/// it in file order: when every row (but the first) follows the row numbered one less and has a strictly greater
/// key, the keys are sorted and so all distinct. Any other outcome — a key out of order, a key with a NULL part,
/// rows not seen in file order — proves nothing and falls through.</item>
/// <item>The 64-bit hashes of the keys sorted, neighbours compared: the hashes that occur twice are the
/// candidates (<c>dupkey_&lt;stem&gt;</c>), which the rule statement checks exactly on the key's own values.</item>
/// </list>
/// </summary>
public static class DuplicateKeyCandidates
{
    /// <returns>The table of candidate key hashes, or null when no two rows share a key.</returns>
    public static string? Find(DuckDBConnection conn, FileSpec file)
    {
        var stem = file.Stem;
        var key = file.Key.Length == 1 ? Q(file.Key[0]) : $"({string.Join(", ", file.Key.Select(Q))})";
        // lag OVER () streams in scan order; _prev_row proves which row each key was compared with.
        var sorted = Sql.Scalar<bool>(conn, $"""
            SELECT coalesce(bool_and(coalesce(_row = 0 OR (_prev_row = _row - 1 AND _k > _prev_k), false)), true)
            FROM (SELECT _row, {key} AS _k, lag({key}) OVER () AS _prev_k, lag(_row) OVER () AS _prev_row FROM raw_{stem})
            """);
        if (sorted) return null;
        var table = $"dupkey_{stem}";
        var keyHash = $"hash({string.Join(", ", file.Key.Select(Q))})";
        // Sorting the hashes and comparing neighbours took 1.2 s on 9.4M payments, a GROUP BY 2.2 s.
        Sql.Exec(conn, $"""
            CREATE OR REPLACE TEMP TABLE {table} AS
            SELECT DISTINCT _h FROM (SELECT _h, lag(_h) OVER (ORDER BY _h) AS _prev FROM (SELECT {keyHash} AS _h FROM raw_{stem})) WHERE _h = _prev
            """);
        if (Sql.Scalar<long>(conn, $"SELECT count(*) FROM {table}") > 0) return table;
        Sql.Exec(conn, $"DROP TABLE {table}");
        return null;
    }

    static string Q(string identifier) => $"\"{identifier}\"";
}
