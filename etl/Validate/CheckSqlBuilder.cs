using System.Text;
using Monitoring.Etl.Contract;

namespace Monitoring.Etl.Validate;

/// <summary>
/// Turns a <see cref="FileSpec"/> into one set-based DuckDB statement that lists, for every row of
/// <c>raw_&lt;file&gt;</c> that breaks a rule, each breach as (column, reason). Every rule of the
/// contract is one CASE in a list, so a row is read once whatever the number of rules.
/// Inputs it expects: <c>raw_&lt;file&gt;</c> (all VARCHAR, <c>_row</c>), <c>known_&lt;file&gt;(id)</c>
/// for referenced files, <c>ref_municipalities</c>, and the cf_valid macro.
/// </summary>
public static class CheckSqlBuilder
{
    public static string TypedName(string column) => $"\"{column}__t\"";

    /// <param name="duplicateCandidates">The table of key hashes that occur twice (<see cref="DuplicateKeyCandidates"/>),
    /// or null when no two rows share a key: then the statement holds no duplicate-key part at all.</param>
    public static string Build(FileSpec file, DateOnly referenceDate, IReadOnlyCollection<string> presentColumns, string? duplicateCandidates)
    {
        var refDate = $"DATE '{referenceDate:yyyy-MM-dd}'";
        var breaches = new List<string>();
        var conditions = new List<string>();
        string Breach(string condition, string column, string reason)
        {
            conditions.Add(condition);
            return $"CASE WHEN {condition} THEN {{'column': {Sql.Literal(column)}, 'reason': {Sql.Literal(reason)}}} END";
        }
        foreach (var c in file.Columns)
        {
            var col = Q(c.Name);
            if (c.Required) breaches.Add(Breach($"{col} IS NULL", c.Name, "required"));
            var typeReason = TypeReason(c.Type);
            if (typeReason is not null)
                breaches.Add(Breach($"{col} IS NOT NULL AND {TypedName(c.Name)} IS NULL", c.Name, typeReason));
            if (c.Allowed is not null)
                breaches.Add(Breach($"{col} NOT IN ({string.Join(", ", c.Allowed.Select(Sql.Literal))})", c.Name, "not_in_list"));
            if (c.Type == ColumnType.Date && !c.PlannedEnd)
                breaches.Add(Breach($"{TypedName(c.Name)} > {refDate}", c.Name, "date_after_reference_date"));
            if (c.Type == ColumnType.Month)
                breaches.Add(Breach($"{TypedName(c.Name)} > date_trunc('month', {refDate})", c.Name, "date_after_reference_date"));
            if (c.Type is ColumnType.Date or ColumnType.Month)
            {
                // A year-0 or 1900 date is a typo, not history: loaded, it stretches every month grid to it.
                var earliest = c.EarliestDate;
                breaches.Add(Breach($"{TypedName(c.Name)} < DATE '{earliest:yyyy-MM-dd}'", c.Name,
                    earliest == ExportContract.ProgrammeStart ? "date_before_programme" : "date_implausible"));
            }
            if (c.Type == ColumnType.Date && c.PlannedEnd)
                breaches.Add(Breach($"{TypedName(c.Name)} > {refDate} + INTERVAL {ExportContract.PlannedEndYears} YEAR", c.Name, "date_far_after_reference_date"));
            if (c.Precision is int precision)
                // The value must fit the warehouse column (DECIMAL(p, s)) once rounded to its scale: one
                // amount too large would otherwise fail the whole run at staging.
                breaches.Add(Breach($"abs(round({TypedName(c.Name)}, {c.Scale})) >= 1{new string('0', precision - c.Scale)}", c.Name, "amount_out_of_range"));
            if (c.NonNegative)
                breaches.Add(Breach($"{TypedName(c.Name)} < 0", c.Name, c.Type == ColumnType.Decimal ? "negative_amount" : "negative_count"));
            if (c.Min is long min)
                breaches.Add(Breach($"{TypedName(c.Name)} < {min}", c.Name, "below_minimum"));
        }
        foreach (var r in file.References)
            breaches.Add(Breach($"{Q(r.Column)} IS NOT NULL AND {Q(r.Column)} NOT IN (SELECT id FROM {KnownTable(r.TargetFile)})", r.Column, r.Reason));
        foreach (var rule in file.Rules)
            breaches.Add(Breach($"({Typed(rule.BreachSql)})", rule.Column, rule.Reason));
        var keyCol = file.Key[0];
        var duplicates = duplicateCandidates is not null;
        if (duplicates)
            breaches.Add($"CASE WHEN _row_count IS NOT NULL AND _distinct_rows > 1 THEN {{'column': {Sql.Literal(keyCol)}, 'reason': 'duplicate_key'}} " +
                         $"WHEN _row_count IS NOT NULL AND _row <> _first_row THEN {{'column': {Sql.Literal(keyCol)}, 'reason': 'duplicate_row'}} END");

        var typedCols = file.Columns.Select(c => TypedExpr(c) is { } e ? $"{e} AS {TypedName(c.Name)}" : null).Where(e => e is not null);
        // The key columns are renamed _k0.. in dup_keys so the rules can name columns without a table prefix.
        var keyJoin = string.Join(" AND ", file.Key.Select((k, i) => $"d._k{i} = t.{Q(k)}"));
        var keyCols = string.Join(", ", file.Key.Select((k, i) => $"{Q(k)} AS _k{i}"));
        var keyGroup = string.Join(", ", file.Key.Select((_, i) => $"_k{i}"));
        var keyHash = $"hash({string.Join(", ", file.Key.Select(Q))})";
        var allCols = string.Join(", ", presentColumns.Select(Q));
        var sb = new StringBuilder();
        sb.AppendLine($"CREATE OR REPLACE TABLE bad_{file.Stem} AS");
        sb.AppendLine("WITH");
        if (duplicates)
        {
            // Duplicate keys: the rows whose key hash occurs twice are checked exactly on the key's values.
            // All rows sharing a key are quarantined, unless they are byte-identical copies, of which the
            // first is kept.
            sb.AppendLine("dup_keys AS (");
            sb.AppendLine($"    SELECT {keyCols}, count(*) AS _row_count, count(DISTINCT hash({allCols})) AS _distinct_rows, min(_row) AS _first_row");
            sb.AppendLine($"    FROM raw_{file.Stem} WHERE {keyHash} IN (SELECT _h FROM {duplicateCandidates})");
            sb.AppendLine($"      AND {string.Join(" AND ", file.Key.Select(k => $"{Q(k)} IS NOT NULL"))}");
            sb.AppendLine($"    GROUP BY {keyGroup} HAVING count(*) > 1),");
        }
        sb.AppendLine("typed AS (");
        sb.AppendLine($"    SELECT *, {string.Join(",\n        ", typedCols)}");
        sb.AppendLine($"    FROM raw_{file.Stem}),");
        // A cheap OR of every rule finds the (few) rows that break something; only those get
        // the list of breaches built.
        sb.AppendLine("suspect AS (");
        if (duplicates)
            sb.AppendLine($"    SELECT t.*, d._row_count, d._distinct_rows, d._first_row FROM typed t LEFT JOIN dup_keys d ON {keyJoin}");
        else
            sb.AppendLine("    SELECT t.* FROM typed t");
        sb.AppendLine($"    WHERE {string.Join("\n       OR ", conditions.Select(c => $"({c})"))}");
        sb.AppendLine(duplicates ? "       OR d._row_count IS NOT NULL)," : "       ),");
        sb.AppendLine("checked AS (");
        sb.AppendLine("    SELECT _row, list_filter([");
        sb.AppendLine("        " + string.Join(",\n        ", breaches));
        sb.AppendLine("    ], b -> b IS NOT NULL) AS breaches");
        sb.AppendLine("    FROM suspect)");
        sb.AppendLine("SELECT _row, breaches FROM checked WHERE len(breaches) > 0");
        return sb.ToString();
    }

    public static string KnownTable(string targetFile) => targetFile switch
    {
        "istat" => "known_istat",
        "istat_region" => "known_istat_region",
        _ => $"known_{Path.GetFileNameWithoutExtension(targetFile)}",
    };

    /// <summary>The typed value of a column, NULL when it is not of its type (or not given).</summary>
    static string? TypedExpr(ColumnSpec c)
    {
        var v = Q(c.Name);
        return c.Type switch
        {
            // Strict shape first (try_cast alone would accept '2024-2-3', ' 024-02-03' or blanks), by the
            // cheapest exact test measured on 9.4M dates: GLOB 0.8 s, character positions 1.7 s, a regex ~2×.
            ColumnType.Date => $"CASE WHEN {v} GLOB '{Digits(4)}-{Digits(2)}-{Digits(2)}' THEN try_cast({v} AS DATE) END",
            ColumnType.Month => $"CASE WHEN {v} GLOB '{Digits(4)}-{Digits(2)}' THEN try_cast({v} || '-01' AS DATE) END",
            ColumnType.Integer => $"CASE WHEN regexp_full_match({v}, '-?[0-9]{{1,9}}') THEN try_cast({v} AS INTEGER) END",
            ColumnType.Decimal => $"CASE WHEN regexp_full_match({v}, '-?[0-9]{{1,15}}(\\.[0-9]{{1,6}})?') THEN try_cast({v} AS DECIMAL(18,4)) END",
            ColumnType.Boolean => $"CASE {v} WHEN 'true' THEN true WHEN 'false' THEN false END",
            ColumnType.FiscalCode => $"CASE WHEN cf_valid({v}) THEN {v} END",
            _ => null,
        };
    }

    static string? TypeReason(ColumnType t) => t switch
    {
        ColumnType.Date => "invalid_date",
        ColumnType.Month => "invalid_month",
        ColumnType.Integer => "invalid_integer",
        ColumnType.Decimal => "invalid_decimal",
        ColumnType.Boolean => "invalid_boolean",
        ColumnType.FiscalCode => "invalid_fiscal_code",
        _ => null,
    };

    /// <summary>Replaces @name with the typed value of column name.</summary>
    static string Typed(string ruleSql) =>
        System.Text.RegularExpressions.Regex.Replace(ruleSql, "@([a-z_0-9]+)", m => TypedName(m.Groups[1].Value));

    static string Digits(int n) => string.Concat(Enumerable.Repeat("[0-9]", n));

    static string Q(string identifier) => $"\"{identifier}\"";
}
