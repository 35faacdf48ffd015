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
    public static readonly string[] Families = ["performance", "data_quality"];

    public IReadOnlyList<IndicatorDefinition> Indicators { get; }

    /// <summary>Months back inside the funnel limits that end a flag episode, unless an indicator says otherwise.</summary>
    public int EpisodeRecoveryMonths { get; }

    public const int DefaultEpisodeRecoveryMonths = 2;

    public IndicatorCatalogue(IReadOnlyList<IndicatorDefinition> indicators, int episodeRecoveryMonths = DefaultEpisodeRecoveryMonths)
    {
        if (episodeRecoveryMonths < 1)
            throw new InvalidDataException("Invalid indicator catalogue: episodes.recovery_months must be at least 1");
        Validate(indicators);
        Indicators = indicators;
        EpisodeRecoveryMonths = episodeRecoveryMonths;
    }

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
        return new IndicatorCatalogue(file.Indicators, file.Episodes?.RecoveryMonths ?? DefaultEpisodeRecoveryMonths);
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
                family varchar, dq_max double, episode_recovery_months integer)
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
                .EndRow();
        }
    }

    private static void Validate(IReadOnlyList<IndicatorDefinition> indicators)
    {
        var problems = new List<string>();
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
        }
        foreach (var duplicate in indicators.GroupBy(i => i.Id).Where(g => g.Count() > 1))
            problems.Add($"{duplicate.Key}: listed twice");
        if (problems.Count > 0)
            throw new InvalidDataException("Invalid indicator catalogue: " + string.Join("; ", problems));
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex IdPattern();

    private sealed record CatalogueFile(int Version, List<IndicatorDefinition> Indicators, EpisodeSettings? Episodes = null);

    /// <summary>The catalogue's <c>episodes</c> block: how flag episodes end (see Monitoring.Warehouse.Episodes).</summary>
    private sealed record EpisodeSettings(int? RecoveryMonths);
}
