using DuckDB.NET.Data;
using Monitoring.Etl.Contract;

namespace Monitoring.Etl.Validate;

/// <summary>
/// Writes the rejected rows of one file as DATA_DIR/quarantine/&lt;run&gt;/&lt;file&gt;: the physical
/// line where the record starts, the column and reason of its first breach, all breaches, the
/// row's key (pseudonymized when it is a personal identifier) and the offending value only when
/// that column holds nothing personal. Malformed CSV records are listed with DuckDB's error type.
/// </summary>
public static class QuarantineWriter
{
    /// <summary>SQL counting the line feeds in all columns of one row of csv_&lt;stem&gt;.</summary>
    static string LineBreaks(DuckDBConnection conn, string stem)
    {
        var columns = new List<string>();
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = $"SELECT column_name FROM duckdb_columns() WHERE table_name = 'csv_{stem}' AND database_name = current_database() ORDER BY column_index";
            using var r = cmd.ExecuteReader();
            while (r.Read()) columns.Add(r.GetString(0));
        }
        var all = $"concat_ws('', {string.Join(", ", columns.Select(c => Sql.Identifier(c)))})";
        return $"len({all}) - len(replace({all}, chr(10), ''))";
    }

    public static void Write(DuckDBConnection conn, FileSpec file, bool hasEmbeddedLineBreaks, string path)
    {
        var stem = file.Stem;
        // Record index d (1-based, among data records) of good row _row: rows before it plus the
        // malformed records that came before it (reject j with record r_j precedes _row when r_j - j <= _row).
        // Line breaks inside quoted fields of the records before: every column of the file counts,
        // unknown extra ones included (csv_<stem> holds them all; its rowid is raw_<stem>'s _row).
        var lineBreaksBefore = hasEmbeddedLineBreaks
            ? $"(SELECT sum({LineBreaks(conn, stem)}) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS nl, " +
              $"sum({LineBreaks(conn, stem)}) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS nl_through, rowid AS _row FROM csv_{stem})"
            : $"(SELECT 0 AS nl, 0 AS nl_through, _row FROM bad_{stem})";
        var key = file.Key[0];
        var keyColumn = file.Column(key);
        var keyExpr = keyColumn.PseudonymDomain is { } kd
            ? $"(SELECT key::VARCHAR FROM pmap_{kd} WHERE id = r.\"{key}\")"
            : $"r.\"{key}\"";
        var valueCases = string.Join(" ", file.Columns.Select(c =>
            c.PseudonymDomain is { } d && !c.Personal ? $"WHEN '{c.Name}' THEN (SELECT key::VARCHAR FROM pmap_{d} WHERE id = r.\"{c.Name}\")"
            : c.Personal ? $"WHEN '{c.Name}' THEN '(personal data withheld)'"
            : $"WHEN '{c.Name}' THEN r.\"{c.Name}\""));
        var sql = $"""
            COPY (
              WITH rj0 AS (
                  -- csv_line is the whole rejected record: its own line breaks push every later line down
                  -- (trimmed: with CRLF endings DuckDB starts it with the LF that ended the record before).
                  SELECT line - 1 AS record, row_number() OVER (ORDER BY line) AS j, column_name, error_type,
                         len(trim(csv_line, chr(10) || chr(13))) - len(replace(trim(csv_line, chr(10) || chr(13)), chr(10), '')) AS extra
                  FROM malformed_{stem}),
              rj AS (
                  SELECT *, coalesce(sum(extra) OVER (ORDER BY j ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS extra_before
                  FROM rj0),
              nl AS {lineBreaksBefore},
              bad AS (
                  SELECT b._row,
                         b._row + 1 + (SELECT count(*) FROM rj WHERE rj.record - rj.j <= b._row) AS record,
                         (SELECT coalesce(sum(extra), 0) FROM rj WHERE rj.record - rj.j <= b._row) AS extra_before,
                         b.breaches
                  FROM bad_{stem} b)
              SELECT '{file.FileName}' AS file,
                     1 + bad.record + coalesce(nl.nl, 0) + bad.extra_before AS line,
                     bad.breaches[1].column AS "column",
                     bad.breaches[1].reason AS reason,
                     array_to_string(list_transform(bad.breaches, x -> x.column || ':' || x.reason), ' | ') AS all_breaches,
                     {keyExpr} AS record_key,
                     CASE bad.breaches[1].column {valueCases} END AS value
              FROM bad JOIN raw_{stem} r ON r._row = bad._row
              LEFT JOIN nl ON nl._row = bad._row
              UNION ALL
              -- DuckDB numbers rejects by record: add the line breaks of the parsed rows before (the last has _row = r_j - j - 1).
              SELECT '{file.FileName}', 1 + rj.record + coalesce((SELECT nl.nl_through FROM nl WHERE nl._row = rj.record - rj.j - 1), 0) + rj.extra_before,
                     coalesce(rj.column_name, ''), 'malformed_row',
                     lower(CAST(rj.error_type AS VARCHAR)), NULL, NULL
              FROM rj
              ORDER BY line
            ) TO {Sql.Literal(path)} (FORMAT csv, HEADER, DELIMITER ';')
            """;
        Sql.Exec(conn, sql);
    }
}
