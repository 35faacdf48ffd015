using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Monitoring.Warehouse.DuckDb;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Indicators;

/// <summary>
/// The indicator catalogue is data: <c>sql/indicators/catalogue.json</c> plus one SQL file per
/// indicator. Adding an indicator means adding an entry and its file, nothing else.
/// </summary>
public sealed partial class IndicatorCatalogue
{
    public const string RelativePath = "indicators/catalogue.json";

    private static readonly string[] Kinds = ["count", "ratio", "median"];
    private static readonly string[] LogframeLevels = ["input", "activity", "output", "outcome"];
    private static readonly string[] Pillars = ["benefit", "inclusion"];
    private static readonly string[] FlagMethods = ["binomial", "poisson", "none"];
    private static readonly string[] Formats = ["integer", "decimal", "percent", "eur", "days"];
    private static readonly string[] MonthRanges = ["all", "reference"];
    private static readonly string[] Rollups = ["sum", "max"];
    private static readonly string[] TargetComparisons = ["at_least", "at_most"];
    public static readonly string[] Families = ["performance", "data_quality"];

    /// <summary>
    /// What the dashboards may take an indicator for (its <c>dashboard_roles</c>; each role on exactly one indicator):
    /// default_trend (the trend and planner pages' indicator when the URL names none), underperforming (the Ministry's
    /// one-click list, funnel and map), dimension_default (the dimension picker's), residents (its numerator is the
    /// territory's residents), case_managers (numerator: active case managers, heads), case_manager_fte (numerator:
    /// FTE), households_paid (numerator: households paid), open_cases (numerator: open cases), case_manager_workload
    /// (its case-manager level is the coordinators' "cases processed").
    /// </summary>
    public static readonly string[] DashboardRoleNames =
        ["default_trend", "underperforming", "dimension_default", "residents", "case_managers", "case_manager_fte",
         "households_paid", "open_cases", "case_manager_workload"];

    public IReadOnlyList<IndicatorDefinition> Indicators { get; }

    /// <summary>The dimensions an indicator may be published by (indicators-v1.md § Dimensions), in order.</summary>
    public IReadOnlyList<DimensionDefinition> Dimensions { get; }

    /// <summary>The red-flag thresholds (z of warning and alarm, plain rule, persistence).</summary>
    public FlagSettings Flags { get; }

    /// <summary>Months back inside the funnel limits that end a flag episode, unless an indicator says otherwise.</summary>
    public int EpisodeRecoveryMonths { get; }

    public const int DefaultEpisodeRecoveryMonths = 2;

    public IndicatorCatalogue(IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<DimensionDefinition> dimensions,
        FlagSettings flags, int episodeRecoveryMonths = DefaultEpisodeRecoveryMonths)
    {
        if (episodeRecoveryMonths < 1)
            throw new InvalidDataException("Invalid indicator catalogue: episodes.recovery_months must be at least 1");
        Validate(indicators, dimensions, flags);
        Indicators = indicators;
        Dimensions = dimensions;
        Flags = flags;
        EpisodeRecoveryMonths = episodeRecoveryMonths;
    }

    /// <summary>The dimensions of one indicator (its <c>dimensions</c> list; <c>all</c> = every dimension).</summary>
    public IReadOnlyList<DimensionDefinition> DimensionsOf(IndicatorDefinition indicator) =>
        indicator.Dimensions is null ? []
        : indicator.Dimensions.Contains("all") ? Dimensions
        : indicator.Dimensions.Select(id => Dimensions.First(d => d.Id == id)).ToList();

    /// <summary>Whether the public may see this indicator at this level (the catalogue's public_levels).</summary>
    public bool IsPublicAt(string indicatorId, string level) =>
        Indicators.FirstOrDefault(i => i.Id == indicatorId) is { } i && i.IsPublicAt(level);

    /// <summary>Months back inside the limits that end an episode of this indicator (its own setting, else the catalogue's).</summary>
    public int RecoveryMonthsOf(string indicatorId) =>
        Indicators.FirstOrDefault(i => i.Id == indicatorId)?.EpisodeRecoveryMonths ?? EpisodeRecoveryMonths;

    public IndicatorDefinition this[string id] =>
        Indicators.FirstOrDefault(i => i.Id == id) ?? throw new KeyNotFoundException($"No indicator '{id}' in the catalogue.");

    public static IndicatorCatalogue Load() => Parse(File.ReadAllText(SqlModels.PathOf(RelativePath)));

    public static IndicatorCatalogue Parse(string json)
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        var file = JsonSerializer.Deserialize<CatalogueFile>(json, options)
                   ?? throw new InvalidDataException("The indicator catalogue is empty.");
        return new IndicatorCatalogue(file.Indicators, file.Dimensions ?? [],
            file.Flags ?? throw new InvalidDataException("Invalid indicator catalogue: no flags block"),
            file.Episodes?.RecoveryMonths ?? DefaultEpisodeRecoveryMonths);
    }

    /// <summary>Writes the <c>indicator_catalogue</c> table (replacing it).</summary>
    public void WriteTable(DuckDBConnection connection)
    {
        Sql.Exec(connection, """
            create or replace table indicator_catalogue (
                indicator_id varchar primary key, name_it varchar, name_en varchar,
                description_it varchar, description_en varchar, logframe_level varchar, pillar varchar,
                unit varchar, higher_is_better boolean, min_denominator double, is_public boolean,
                kind varchar, flag_method varchar, sql_file varchar, sort_order integer,
                family varchar, dq_max double, episode_recovery_months integer,
                format varchar, levels varchar, dimensions varchar, public_levels varchar,
                target_value double, target_comparison varchar, target_applies_to varchar, target_it varchar,
                target_en varchar, scale double, dashboard_roles varchar, headline_order integer)
            """);
        using var appender = connection.CreateAppender("indicator_catalogue");
        var order = 0;
        foreach (var i in Indicators)
        {
            appender.CreateRow()
                .AppendValue(i.Id).AppendValue(i.NameIt).AppendValue(i.NameEn)
                .AppendValue(i.DescriptionIt).AppendValue(i.DescriptionEn).AppendValue(i.LogframeLevel)
                .AppendValue(i.Pillar).AppendValue(i.Unit).AppendValue(i.HigherIsBetter)
                .AppendValue(i.MinDenominator).AppendValue(i.IsPublic).AppendValue(i.Kind)
                .AppendValue(i.FlagMethod).AppendValue(i.Sql).AppendValue(++order)
                .AppendValue(i.Family).AppendValue(i.DqMax).AppendValue(RecoveryMonthsOf(i.Id))
                .AppendValue(i.Format).AppendValue(string.Join(",", i.LevelsOrDefault))
                .AppendValue(string.Join(",", DimensionsOf(i).Select(d => d.Id)))
                .AppendValue(string.Join(",", i.IsPublic ? i.PublicLevelsOrDefault : []))
                .AppendValue(i.Target?.Value).AppendValue(i.Target?.Comparison).AppendValue(i.Target?.AppliesTo)
                .AppendValue(i.Target?.TextIt).AppendValue(i.Target?.TextEn).AppendValue(i.Scale)
                .AppendValue(string.Join(",", i.DashboardRoles ?? [])).AppendValue(i.Headline)
                .EndRow();
        }
        WriteDimensionTable(connection);
    }

    /// <summary>Writes <c>indicator_dimensions</c>: one row per dimension member, in publishing order.</summary>
    private void WriteDimensionTable(DuckDBConnection connection)
    {
        Sql.Exec(connection, """
            create or replace table indicator_dimensions (
                dimension varchar, member varchar, name_it varchar, name_en varchar,
                dimension_order integer, member_order integer, member_name_it varchar, member_name_en varchar,
                primary key (dimension, member))
            """);
        using var appender = connection.CreateAppender("indicator_dimensions");
        var d = 0;
        foreach (var dimension in Dimensions)
        {
            d++;
            var m = 0;
            foreach (var member in dimension.Members)
                appender.CreateRow().AppendValue(dimension.Id).AppendValue(member).AppendValue(dimension.NameIt)
                    .AppendValue(dimension.NameEn).AppendValue(d).AppendValue(++m)
                    .AppendValue(dimension.MemberName(member, "it")).AppendValue(dimension.MemberName(member, "en")).EndRow();
        }
    }

    private static void Validate(IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyList<DimensionDefinition> dimensions,
        FlagSettings flags)
    {
        var problems = new List<string>();
        foreach (var d in dimensions)
        {
            if (!IdPattern().IsMatch(d.Id)) problems.Add($"dimension '{d.Id}': id must match [a-z0-9_]+");
            if (d.Members.Count == 0 || d.Members.Any(m => string.IsNullOrEmpty(m) || m.Contains('\'')))
                problems.Add($"dimension {d.Id}: members must be non-empty codes without quotes");
            if (d.Members.Distinct().Count() != d.Members.Count) problems.Add($"dimension {d.Id}: a member is listed twice");
            if (string.IsNullOrWhiteSpace(d.MemberSql)) problems.Add($"dimension {d.Id}: no member_sql");
            foreach (var named in (d.MemberNamesIt?.Keys ?? []).Concat(d.MemberNamesEn?.Keys ?? []))
                if (!d.Members.Contains(named)) problems.Add($"dimension {d.Id}: member_names name '{named}', not a member");
        }
        foreach (var duplicate in dimensions.GroupBy(d => d.Id).Where(g => g.Count() > 1))
            problems.Add($"dimension {duplicate.Key}: listed twice");
        if (flags.WarningZ <= 0 || flags.AlarmZ <= flags.WarningZ) problems.Add("flags: need 0 < warning_z < alarm_z");
        if (flags.PersistenceMonths < 1) problems.Add("flags: persistence_months must be at least 1");
        if (!indicators.Any(i => i.Id == flags.CaseManagersIndicator))
            problems.Add($"flags: case_managers_indicator '{flags.CaseManagersIndicator}' is not in the catalogue");
        foreach (var i in indicators)
        {
            // ids end up inside SQL text: keep them to a safe alphabet
            if (!IdPattern().IsMatch(i.Id)) problems.Add($"'{i.Id}': id must match [a-z0-9_]+");
            if (!Kinds.Contains(i.Kind)) problems.Add($"{i.Id}: kind '{i.Kind}'");
            if (!LogframeLevels.Contains(i.LogframeLevel)) problems.Add($"{i.Id}: logframe_level '{i.LogframeLevel}'");
            if (!Pillars.Contains(i.Pillar)) problems.Add($"{i.Id}: pillar '{i.Pillar}'");
            if (!FlagMethods.Contains(i.FlagMethod)) problems.Add($"{i.Id}: flag_method '{i.FlagMethod}'");
            if (i.FlagMethod != "none" && i.Kind != "ratio") problems.Add($"{i.Id}: only ratio indicators can be flagged");
            if (string.IsNullOrWhiteSpace(i.Sql)) problems.Add($"{i.Id}: no sql file");
            if (!Families.Contains(i.Family)) problems.Add($"{i.Id}: family '{i.Family}'");
            if (i.Family == "data_quality" && (i.DqMax is null || i.FlagMethod != "none"))
                problems.Add($"{i.Id}: a data_quality indicator needs dq_max and flag_method none");
            if (i.EpisodeRecoveryMonths is < 1) problems.Add($"{i.Id}: episode_recovery_months must be at least 1");
            if (!Formats.Contains(i.Format)) problems.Add($"{i.Id}: format '{i.Format}'");
            if (!MonthRanges.Contains(i.Months)) problems.Add($"{i.Id}: months '{i.Months}'");
            if (!Rollups.Contains(i.Rollup)) problems.Add($"{i.Id}: rollup '{i.Rollup}'");
            if (i.Rollup == "max" && i.Kind != "count") problems.Add($"{i.Id}: only a count can roll up by max");
            if (i.LevelsOrDefault.Any(l => !IndicatorRunner.Levels.Contains(l))) problems.Add($"{i.Id}: unknown level in levels");
            if (i.HasCaseManagerLevel != (i.CaseManagerSql is not null))
                problems.Add($"{i.Id}: case_manager level and case_manager_sql go together");
            foreach (var d in i.Dimensions ?? [])
                if (d != "all" && dimensions.All(x => x.Id != d)) problems.Add($"{i.Id}: unknown dimension '{d}'");
            if (i.Target is { } t && (!TargetComparisons.Contains(t.Comparison) || t.AppliesTo is not ("value" or "days")))
                problems.Add($"{i.Id}: target comparison '{t.Comparison}' / applies_to '{t.AppliesTo}'");
            if (i.Scale <= 0) problems.Add($"{i.Id}: scale must be positive");
            foreach (var count in i.OverCounts ?? [])
                if (indicators.All(x => x.Id != count || x.Kind != "count")) problems.Add($"{i.Id}: over_counts '{count}' is not a count of the catalogue");
        }
        foreach (var duplicate in indicators.GroupBy(i => i.Id).Where(g => g.Count() > 1))
            problems.Add($"{duplicate.Key}: listed twice");
        foreach (var i in indicators)
            foreach (var role in i.DashboardRoles ?? [])
                if (!DashboardRoleNames.Contains(role)) problems.Add($"{i.Id}: unknown dashboard role '{role}'");
        foreach (var role in DashboardRoleNames)
            if (indicators.Count(i => i.DashboardRoles?.Contains(role) == true) > 1) problems.Add($"dashboard role {role}: on more than one indicator");
        if (problems.Count > 0)
            throw new InvalidDataException("Invalid indicator catalogue: " + string.Join("; ", problems));
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex IdPattern();

    private sealed record CatalogueFile(int Version, List<IndicatorDefinition> Indicators, EpisodeSettings? Episodes = null,
        List<DimensionDefinition>? Dimensions = null, FlagSettings? Flags = null);

    /// <summary>The catalogue's <c>episodes</c> block: how flag episodes end (see Monitoring.Warehouse.Episodes).</summary>
    private sealed record EpisodeSettings(int? RecoveryMonths);
}
