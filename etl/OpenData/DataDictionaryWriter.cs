using System.Globalization;
using Monitoring.Warehouse.Csv;
using System.Text;

namespace Monitoring.Etl.OpenData;

/// <summary>The data dictionary, as markdown for people and CSV for programs: every column, every indicator, the disclosure rules.</summary>
public static class DataDictionaryWriter
{
    public static void WriteCsv(string path, IReadOnlyList<PublicIndicator> indicators, IReadOnlyList<DimensionMember> dimensions)
    {
        using var csv = new SafeCsvWriter(path);
        csv.WriteRow(["entry", "resource", "name", "type", "unit", "description_it", "description_en"]);
        foreach (var r in ReleaseSchema.All)
            foreach (var f in r.Fields)
                csv.WriteRow(["field", r.Name, f.Name, f.Type, "", f.DescriptionIt, f.DescriptionEn]);
        foreach (var i in indicators)
            csv.WriteRow(["indicator", ReleaseSchema.Indicators.Name, i.Id, i.Kind, i.Unit, i.NameIt + ". " + i.DescriptionIt, i.NameEn + ". " + i.DescriptionEn]);
        foreach (var d in dimensions.GroupBy(d => d.Dimension))
            csv.WriteRow(["dimension", ReleaseSchema.IndicatorsByDimension.Name, d.Key, "", "",
                d.First().DimensionNameIt + ": " + string.Join(", ", d.Select(m => m.Member)), d.First().DimensionNameEn + ": " + string.Join(", ", d.Select(m => m.Member))]);
    }

    public static void WriteMarkdown(string path, ReleaseInfo release, IReadOnlyList<PublicIndicator> indicators, IReadOnlyList<DimensionMember> dimensions)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Dizionario dei dati / Data dictionary — release {release.Id}");
        md.AppendLine();
        md.AppendLine($"Mesi / months: {release.FirstMonth} – {release.LastMonth}; data di riferimento / reference date: {release.ReferenceDate:yyyy-MM-dd}.");
        md.AppendLine();
        foreach (var r in ReleaseSchema.All)
        {
            md.AppendLine($"## {r.Name} (`{r.Name}.csv`, `{r.Name}.parquet`)");
            md.AppendLine();
            md.AppendLine($"{r.TitleIt} / {r.TitleEn}. Chiave primaria / primary key: {string.Join(", ", r.PrimaryKey.Select(k => $"`{k}`"))}.");
            if (r.Source is not null) md.AppendLine().AppendLine(r.Source + ".");
            md.AppendLine();
            md.AppendLine("| colonna / column | tipo / type | descrizione | description |");
            md.AppendLine("|---|---|---|---|");
            foreach (var f in r.Fields) md.AppendLine($"| `{f.Name}` | {f.Type} | {Cell(f.DescriptionIt)} | {Cell(f.DescriptionEn)} |");
            md.AppendLine();
        }
        md.AppendLine("## Indicatori / Indicators");
        md.AppendLine();
        md.AppendLine("| id | nome | name | tipo / kind | unità / unit | definizione | definition |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var i in indicators)
            md.AppendLine($"| `{i.Id}` | {Cell(i.NameIt)} | {Cell(i.NameEn)} | {i.Kind} | {Cell(i.Unit)} | {Cell(i.DescriptionIt)} | {Cell(i.DescriptionEn)} |");
        md.AppendLine();
        if (dimensions.Count > 0)
        {
            md.AppendLine("## Dimensioni / Dimensions (`indicators_by_dimension`)");
            md.AppendLine();
            md.AppendLine("| dimension | nome | name | modalità / members |");
            md.AppendLine("|---|---|---|---|");
            foreach (var d in dimensions.GroupBy(d => d.Dimension))
                md.AppendLine($"| `{d.Key}` | {Cell(d.First().DimensionNameIt)} | {Cell(d.First().DimensionNameEn)} | {Cell(string.Join(", ", d.Select(m => $"`{m.Member}`")))} |");
            md.AppendLine();
        }
        md.AppendLine(DisclosureText);
        md.AppendLine();
        md.AppendLine(CsvText);
        File.WriteAllText(path, md.ToString(), new UTF8Encoding(false));
    }

    /// <summary>The disclosure rules, each in Italian and English (the markdown dictionary, the README and the .xlsx carry them).</summary>
    public static readonly IReadOnlyList<(string It, string En)> DisclosureNotes =
    [
        ("Un conteggio inferiore a 10 è pubblicato come `<10` (status `small_count`).", "A count below 10 is published as `<10` (status `small_count`)."),
        ("Un tasso, una media o una mediana il cui denominatore è inferiore a 20 (o alla soglia propria dell'indicatore) non è pubblicato (`small_denominator`).", "A rate, average or median over a denominator below 20 (or the indicator's own threshold) is not published (`small_denominator`)."),
        ("Soppressione secondaria: in ogni mese, gli ATS di una regione sommano al totale regionale e le regioni al totale nazionale; quando un valore è nascosto e il totale è pubblicato, almeno un altro valore della stessa riga è nascosto (`secondary_suppression`), scelto in modo che nessun valore nascosto si possa ricavare per differenza.", "Secondary suppression: each month, the ATS of a region add up to the region and the regions to Italy; where a value is hidden under a published total, at least one more is hidden (`secondary_suppression`) so no hidden value can be recovered by subtraction."),
        ("Per dimensione (`indicators_by_dimension`): le modalità di una dimensione sommano al totale del territorio e ogni modalità delle regioni a quella dell'Italia; la soppressione secondaria vale anche lungo queste somme, insieme a quelle territoriali.", "By dimension (`indicators_by_dimension`): the members of a dimension add up to the territory's total and each member over the regions to Italy's; secondary suppression holds along these sums too, together with the territorial ones."),
        ("Il livello case manager e il personale a livello di ATS non sono mai pubblicati.", "Case-manager level and ATS-level staffing are never published."),
        ("I tassi sono pubblicati senza numeratore e denominatore.", "Rates are published without their numerators and denominators."),
    ];

    public static string DisclosureText { get; } =
        "## Controllo della riservatezza / Disclosure control\n\n" + string.Join("\n", DisclosureNotes.Select(n => $"- {n.It} / {n.En}"));

    public const string CsvText = """
        ## Formato CSV / CSV format

        UTF-8 senza BOM, separatore virgola, fine riga CRLF, virgolette come da RFC 4180: il formato per i programmi. Per un foglio di calcolo aprire il file `.xlsx` accanto a ogni CSV (celle tipizzate: codici e mesi come testo, numeri come numeri; un foglio con il dizionario). Per sicurezza nei fogli di calcolo, un testo del CSV che inizia con `=`, `+`, `-`, `@`, tabulazione o a capo è preceduto da un apice (`'`); i numeri (anche negativi) restano numeri. / UTF-8 without BOM, comma, CRLF, RFC 4180 quoting: the format for programs. For a spreadsheet open the `.xlsx` beside each CSV (typed cells: codes and months as text, numbers as numbers; a dictionary sheet). For spreadsheet safety a CSV text cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with a single quote; numbers, negative ones included, stay numeric.
        """;

    static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
