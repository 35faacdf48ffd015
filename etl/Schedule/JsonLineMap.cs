using System.Text.Json;

namespace Monitoring.Etl.Schedule;

/// <summary>
/// Maps each JSON path ($.jobs[1].cron) of a document to the line it starts on, so a semantic
/// mistake found after parsing can still be reported with its line. System.Text.Json's DOM keeps
/// no positions, so one pass of Utf8JsonReader records them.
/// </summary>
public static class JsonLineMap
{
    public static IReadOnlyDictionary<string, int> Build(ReadOnlySpan<byte> json)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < json.Length; i++)
            if (json[i] == (byte)'\n') lineStarts.Add(i + 1);

        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var frames = new Stack<Frame>();
        string? propertyPath = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            var line = LineOf(lineStarts, (int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    propertyPath = frames.Peek().Path + "." + reader.GetString();
                    map.TryAdd(propertyPath, line);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var path = ValuePath(frames, propertyPath);
                    map.TryAdd(path, line);
                    frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    map.TryAdd(ValuePath(frames, propertyPath), line);
                    break;
            }
        }
        return map;
    }

    private static string ValuePath(Stack<Frame> frames, string? propertyPath)
    {
        if (frames.Count == 0) return "$";
        var top = frames.Peek();
        return top.IsArray ? $"{top.Path}[{top.NextIndex++}]" : propertyPath ?? top.Path;
    }

    private static int LineOf(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
    }
}
