namespace Monitoring.Tests.Support;

/// <summary>
/// The one throw-away folder of every test project (linked into each as Support/TempDir.cs): a fresh folder under the
/// system temp directory, removed with everything in it. <c>tmp["name"]</c> is a path inside it (not created).
/// </summary>
public sealed class TempDir(string prefix = "tests-") : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string this[string name] => Path.Combine(Root, name);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
