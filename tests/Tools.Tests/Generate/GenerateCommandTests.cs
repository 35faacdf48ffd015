using Monitoring.Tools.Generate;

namespace Monitoring.Tests.Tools.Generate;

public class GenerateCommandTests
{
    [Fact]
    public void ParsesTheDocumentedArguments()
    {
        var o = GenerateCommand.Parse(["--preset", "national", "--seed", "9", "--out", "/tmp/x", "--reference-date", "2026-06-30"]);
        Assert.Equal(GeneratorPreset.National, o.Preset);
        Assert.Equal(9, o.Seed);
        Assert.Equal("/tmp/x", o.OutputDirectory);
        Assert.Equal(new DateOnly(2026, 6, 30), o.ReferenceDate);
    }

    [Fact]
    public void DefaultsToTheProgrammeReferenceDate()
    {
        var o = GenerateCommand.Parse(["--preset", "tiny", "--out", "/tmp/x"]);
        Assert.Equal(new DateOnly(2026, 10, 31), o.ReferenceDate);
    }

    [Theory]
    [InlineData("--preset", "huge", "--out", "/tmp/x")]
    [InlineData("--preset", "tiny")]
    [InlineData("--preset", "tiny", "--out", "/tmp/x", "--seed", "abc")]
    [InlineData("--preset", "tiny", "--out", "/tmp/x", "--reference-date", "31/10/2026")]
    [InlineData("--preset", "tiny", "--out", "/tmp/x", "--bogus", "1")]
    public void BadArgumentsExitWithTwo(params string[] args) => Assert.Equal(2, GenerateCommand.Run(args));

    [Fact]
    public void AnotherReferenceDateMovesTheWholeHistory()
    {
        var root = Path.Combine(Path.GetTempPath(), "gen-cmd-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, GenerateCommand.Run(["--preset", "tiny", "--seed", "3", "--out", Path.Combine(root, "e"), "--reference-date", "2026-06-15"]));
            var manifest = File.ReadAllText(Path.Combine(root, "e", "manifest.json"));
            Assert.Contains("\"reference_date\": \"2026-06-15\"", manifest);
            Assert.Contains("\"extracted_at\": \"2026-06-16T02:00:00Z\"", manifest);
            var lastPaid = File.ReadLines(Path.Combine(root, "e", "payments.csv")).Skip(1).Max(l => l.Split(';')[3]);
            Assert.True(string.CompareOrdinal(lastPaid, "2026-06-15") <= 0);
            Assert.True(File.Exists(Path.Combine(root, "e.truth.json")));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void RefusesToWipeAFolderThatIsNotAnExport()
    {
        var root = Path.Combine(Path.GetTempPath(), "gen-cmd-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "precious.txt"), "keep me");
        try
        {
            Assert.Equal(1, GenerateCommand.Run(["--preset", "tiny", "--out", root]));
            Assert.True(File.Exists(Path.Combine(root, "precious.txt")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
