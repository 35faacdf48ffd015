namespace Monitoring.Tests.Etl.Support;

/// <summary>A throw-away folder under the system temp directory, removed with everything in it.</summary>
public sealed class TempDir : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("etl-pipe-").FullName;

    public string this[string name] => Path.Combine(Root, name);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
