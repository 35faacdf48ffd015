using System.Security.Cryptography;
using Monitoring.Tools.Generate;

namespace Monitoring.Tests.Tools.Generate;

public class DeterminismTests
{
    [Fact]
    public void SameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot()
    {
        var root = Path.Combine(Path.GetTempPath(), "gen-determinism-" + Guid.NewGuid().ToString("N"));
        try
        {
            Dictionary<string, string> Run(string name, int seed)
            {
                var summary = ExportGenerator.Generate(new GeneratorOptions
                {
                    Preset = GeneratorPreset.Tiny, Seed = seed, OutputDirectory = Path.Combine(root, name),
                });
                return Directory.GetFiles(summary.ExportDirectory).Append(summary.TruthPath).ToDictionary(
                    f => Path.GetFileName(f)!, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));
            }

            var first = Run("a", 11);
            var second = Run("b", 11);
            var other = Run("c", 12);
            Assert.Equal(12, first.Count); // manifest + 10 CSV files + truth file
            foreach (var (file, hash) in first)
            {
                var key = file.Replace("a.truth", "b.truth");
                Assert.Equal(hash, second[key]);
            }
            Assert.NotEqual(first["households.csv"], other["households.csv"]);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
