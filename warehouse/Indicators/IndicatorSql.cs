using System.Globalization;
using Monitoring.Warehouse.DuckDb;
using System.Text;
using System.Text.Json;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Indicators;

/// <summary>
/// Wraps an indicator's model (which only counts: numerator and denominator, or the median's input, per ATS, month
/// and household) into the one statement every indicator shares: the model's rows placed in the month range, each
/// household given its member of every dimension of the indicator, summed (or their median taken) per territory of
/// every level and per member in one GROUPING SETS query, then laid on the complete grid (every territory × month ×
/// member, zeros included) with the value computed from the kind. Dimension <c>''</c> / member <c>''</c> is the
/// total.
/// </summary>
public static class IndicatorSql
{
    /// <summary>The mart every dimension's member expression reads (sql/marts/dim_household_profile.sql).</summary>
    public const string ProfileTable = "dim_household_profile";

    /// <summary>The model's text with its <c>{{param}}</c> constants substituted.</summary>
    public static string Model(string file, IReadOnlyDictionary<string, JsonElement>? parameters)
    {
        var sql = SqlModels.Load($"indicators/{file}");
        foreach (var (name, value) in parameters ?? new Dictionary<string, JsonElement>())
            sql = sql.Replace("{{" + name + "}}", value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
        if (sql.Contains("{{", StringComparison.Ordinal))
            throw new InvalidDataException($"indicators/{file}: a {{{{parameter}}}} has no value in the catalogue's params");
        return sql;
    }

    /// <summary>select level, territory_code, month, dimension, member, numerator, denominator, value.</summary>
    public static string Territories(IndicatorDefinition indicator, IReadOnlyList<DimensionDefinition> dimensions)
    {
        var model = Model(indicator.Sql, indicator.Params);
        var columns = dimensions.Select(d => $"d_{d.Id}").ToList();
        var memberColumns = string.Concat(dimensions.Select(d => $",\n           coalesce(({d.MemberSql}), 'unknown') as d_{d.Id}"));
        var profileJoin = dimensions.Count > 0 ? $"left join {ProfileTable} as h using (household_key)" : "";
        var keys = "r.level, r.territory_code, k.month";
        var sets = string.Join(", ", new[] { $"({keys})" }.Concat(columns.Select(c => $"({keys}, k.{c})")));
        var dimension = columns.Count == 0 ? "''" :
            "case " + string.Concat(dimensions.Select(d => $"when grouping(k.d_{d.Id}) = 0 then '{d.Id}' ")) + "else '' end";
        var member = columns.Count == 0 ? "''" : $"coalesce({string.Join(", ", columns.Select(c => "k." + c))}, '')";
        var median = indicator.Kind == "median";
        var aggregate = indicator.Rollup == "max" ? "max" : "sum";
        var (numerator, denominator) = median
            ? ("median(k.numerator)::double", "count(*)::double")
            : ($"{aggregate}(k.numerator)::double", indicator.IsCount ? "null::double" : $"{aggregate}(k.denominator)::double");
        var keyedMeasures = median ? "m.numerator" : indicator.IsCount ? "m.numerator" : "m.numerator, m.denominator";
        var keyed = median
            ? $"select m.ats_code, m.month{memberColumns}, {keyedMeasures}"
            : $"select m.ats_code, m.month{memberColumns},\n           sum(m.numerator) as numerator{(indicator.IsCount ? "" : ", sum(m.denominator) as denominator")}";
        var levels = string.Join(", ", indicator.LevelsOrDefault.Where(l => l != "case_manager").Select(Sql.Literal));

        return $"""
            with

            model as (
            {model}
            ),

            months as (
                select month, month_end from dim_month
                where {MonthFilter(indicator)}
            ),

            keyed as (
                {keyed}
                from model as m
                join months using (month)
                {profileJoin}
                {(median ? "" : "group by all")}
            ),

            long_keyed as (
                {Long(indicator, dimensions)}
            ),

            rolled_up as (
                select {keys}, k.dimension, k.member,
                       {numerator} as numerator, {denominator} as denominator
                from long_keyed as k
                join dim_ats_rollup as r using (ats_code)
                group by {keys}, k.dimension, k.member
            ),

            grid as (
                select t.level, t.territory_code, m.month, '' as dimension, '' as member
                from (select distinct level, territory_code from dim_ats_rollup where level in ({levels})) as t
                cross join months as m
            ),

            final as (
                select g.level, g.territory_code, g.month, g.dimension, g.member,
                       {(median ? "r.numerator" : "coalesce(r.numerator, 0)")} as numerator,
                       {(indicator.IsCount ? "null::double" : "coalesce(r.denominator, 0)")} as denominator
                from grid as g
                left join rolled_up as r using (level, territory_code, month, dimension, member)
                union all
                select level, territory_code, month, dimension, member, numerator,
                       {(indicator.IsCount ? "null::double" : "denominator")}
                from rolled_up where dimension <> ''
            )

            select *, {Value(indicator)} as value from final
            """;
    }

    /// <summary>select level, territory_code, month, dimension, member, numerator, denominator, value at case-manager
    /// level: every case manager active in a month, and any month a model row names them in.</summary>
    public static string CaseManagers(IndicatorDefinition indicator)
    {
        var model = Model(indicator.CaseManagerSql!, indicator.Params);
        return $"""
            with

            model as (
            {model}
            ),

            grid as (
                select operator_key as case_manager_key, month from fct_staffing_monthly
                union
                select m.case_manager_key, m.month from model as m join dim_month using (month)
            )

            select 'case_manager' as level, cast(g.case_manager_key as varchar) as territory_code, g.month,
                   '' as dimension, '' as member,
                   coalesce(m.numerator, 0)::double as numerator, null::double as denominator,
                   coalesce(m.numerator, 0)::double as value
            from grid as g
            left join model as m using (case_manager_key, month)
            """;
    }

    /// <summary>The keyed rows once for the total (dimension and member '') and once per dimension with its member.</summary>
    private static string Long(IndicatorDefinition indicator, IReadOnlyList<DimensionDefinition> dimensions)
    {
        var measures = indicator.Kind == "median" || indicator.IsCount ? "numerator" : "numerator, denominator";
        var total = $"select ats_code, month, '' as dimension, '' as member, {measures} from keyed";
        if (dimensions.Count == 0) return total;
        var on = string.Join(", ", dimensions.Select(d => $"d_{d.Id} as {Sql.Literal(d.Id)}"));
        return $"{total}\n                union all\n                select ats_code, month, dimension, member, {measures} from (unpivot keyed on {on} into name dimension value member)";
    }

    private static string MonthFilter(IndicatorDefinition indicator)
    {
        var filters = new List<string> { "true" };
        if (indicator.Months == "reference")
            filters.Add("month = (select strftime(reference_date, '%Y-%m') from run_meta)");
        if (indicator.CensorDays is { } days)
            filters.Add($"month_end + {days.ToString(CultureInfo.InvariantCulture)} <= (select reference_date from run_meta)");
        return string.Join(" and ", filters);
    }

    private static string Members(IReadOnlyList<DimensionDefinition> dimensions)
    {
        var rows = new StringBuilder("values ('', '')");
        foreach (var d in dimensions)
            foreach (var m in d.Members)
                rows.Append($", ({Sql.Literal(d.Id)}, {Sql.Literal(m)})");
        return rows.ToString();
    }

    private static string Value(IndicatorDefinition indicator) => indicator.Kind switch
    {
        "count" => "numerator",
        "ratio" => indicator.Scale == 1
            ? "case when denominator is null or denominator = 0 then null else numerator / denominator end"
            : $"case when denominator is null or denominator = 0 then null else {indicator.Scale.ToString(CultureInfo.InvariantCulture)} * numerator / denominator end",
        "median" => "case when denominator > 0 then numerator end",
        _ => throw new InvalidOperationException($"Unknown kind {indicator.Kind}"),
    };
}
