namespace Monitoring.Etl.Cli;

/// <summary>
/// Lines that fit an 80-column terminal: text wrapped only between words (or between whole "label value" items),
/// never inside a label as the console's own wrapping did ("reference \n date").
/// </summary>
public static class TerminalText
{
    public const int Width = 80;

    /// <summary>Joins items with two spaces, starting a new line (indented) before an item that would not fit.</summary>
    public static IEnumerable<string> Items(string first, IEnumerable<string> items, string indent = "  ", int width = Width)
    {
        var line = first;
        foreach (var item in items)
        {
            if (line.Length > indent.Length && line.Length + 2 + item.Length > width)
            {
                yield return line;
                line = indent + item;
            }
            else line = line.Length == 0 || line == indent ? line + item : line + "  " + item;
        }
        if (line.Trim().Length > 0) yield return line;
    }

    /// <summary>Word-wraps one message; continuation lines get the indent.</summary>
    public static IEnumerable<string> Wrap(string text, string indent = "    ", int width = Width)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var line = "";
        foreach (var w in words)
        {
            if (line.Length > 0 && line.Length + 1 + w.Length > width)
            {
                yield return line;
                line = indent + w;
            }
            else line = line.Length == 0 ? w : line + " " + w;
        }
        if (line.Length > 0) yield return line;
    }
}
