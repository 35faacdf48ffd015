using System.IO.Compression;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.BadFiles;

/// <summary>
/// Hostile .zip exports through the real `etl run`: refused with exit 2, the archive and the entry named,
/// before anything is unpacked; the snapshot in service stays and the landing folder is left empty.
/// </summary>
public class ArchiveTests
{
    /// <summary>The valid fixture zipped (at the archive's root), plus whatever <paramref name="extra"/> adds.</summary>
    static string Zip(TempDir tmp, string name, Action<ZipArchive>? extra = null, string folder = "")
    {
        var export = FixtureExport.Valid().Write(tmp[name + "-folder"]);
        var path = tmp[name + ".zip"];
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.GetFiles(export))
                zip.CreateEntryFromFile(file, folder + Path.GetFileName(file));
            extra?.Invoke(zip);
        }
        return path;
    }

    static void AddText(ZipArchive zip, string entryName, string text)
    {
        using var w = new StreamWriter(zip.CreateEntry(entryName).Open());
        w.Write(text);
    }

    static void AssertRefusedNaming(CliRun run, string data, params string[] parts)
    {
        Assert.True(run.ExitCode == 2, run.Output);
        foreach (var p in parts) Assert.Contains(p, run.Error);
        run.AssertNoStackTrace();
        Assert.Null(new SnapshotStore(data).CurrentRunId());
        var landing = new DataDirectory(data).LandingDir;
        Assert.False(Directory.Exists(landing) && Directory.EnumerateFileSystemEntries(landing).Any(), "landing/ is not empty");
    }

    [Fact]
    public void A_valid_zip_loads_at_the_root_or_in_one_folder()
    {
        using var tmp = new TempDir();
        Assert.Equal(0, CliRun.Of(Zip(tmp, "root"), tmp["data"]).ExitCode);
        Assert.Equal(0, CliRun.Of(Zip(tmp, "folder", folder: "gepi-2026-11-01/"), tmp["data2"]).ExitCode);
    }

    [Fact]
    public void Zip_slip_absolute_and_symlink_entries_are_refused_naming_archive_and_entry()
    {
        using var tmp = new TempDir();
        var slip = CliRun.Of(Zip(tmp, "slip", z => AddText(z, "../escaped.csv", "x")), tmp["d1"]);
        AssertRefusedNaming(slip, tmp["d1"], "slip.zip: entry '../escaped.csv' climbs out of the export folder");
        Assert.False(File.Exists(Path.Combine(tmp["d1"], "landing", "escaped.csv")) || File.Exists(Path.Combine(tmp.Root, "escaped.csv")));

        var absolute = CliRun.Of(Zip(tmp, "absolute", z => AddText(z, "/tmp/absolute-evil.csv", "x")), tmp["d2"]);
        AssertRefusedNaming(absolute, tmp["d2"], "absolute.zip: entry '/tmp/absolute-evil.csv' has an absolute path");

        var link = CliRun.Of(Zip(tmp, "link", z =>
        {
            var e = z.CreateEntry("notes.csv");
            e.ExternalAttributes = unchecked((int)(0xA1FFu << 16)); // S_IFLNK | 0777, as `zip --symlinks` writes it
            using var w = new StreamWriter(e.Open());
            w.Write("/etc/shadow");
        }), tmp["d3"]);
        AssertRefusedNaming(link, tmp["d3"], "link.zip: entry 'notes.csv' is a symbolic link");
    }

    [Fact]
    public void A_zip_holding_two_exports_is_refused_naming_both()
    {
        using var tmp = new TempDir();
        var second = FixtureExport.Valid().Write(tmp["second"]);
        var path = Zip(tmp, "nested", z =>
        {
            foreach (var file in Directory.GetFiles(second)) z.CreateEntryFromFile(file, "b/" + Path.GetFileName(file));
        }, folder: "a/");
        var run = CliRun.Of(path, tmp["data"]);
        AssertRefusedNaming(run, tmp["data"], "nested.zip: holds 2 exports ('a/manifest.json', 'b/manifest.json')");
    }

    [Fact]
    public void Declared_sizes_are_checked_before_unpacking()
    {
        using var tmp = new TempDir();
        // A small stored entry whose headers declare 2 GiB: what a zip bomb's central directory says.
        var bomb = Zip(tmp, "bomb", z =>
        {
            using var w = new StreamWriter(z.CreateEntry("padding.csv", CompressionLevel.NoCompression).Open());
            w.Write(new string('0', 4096));
        });
        PatchUncompressedSize(bomb, "padding.csv", 0x80000000u);
        Assert.True(new FileInfo(bomb).Length < 64 * 1024);
        var declared = CliRun.Of(bomb, tmp["d1"]);
        AssertRefusedNaming(declared, tmp["d1"], "bomb.zip: entry 'padding.csv' declares 2,048.0 MB packed into 4,096 bytes", "refused as a zip bomb, nothing unpacked");

        // Total size: 3 MB of incompressible bytes against a configured 2 MB.
        var big = Zip(tmp, "big", z =>
        {
            using var s = z.CreateEntry("extra.bin", CompressionLevel.NoCompression).Open();
            s.Write(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3 << 20));
        });
        var total = CliRun.Of(big, tmp["d2"], env: new Dictionary<string, string> { ["MONITORING_ZIP_MAX_BYTES"] = (2 << 20).ToString() });
        AssertRefusedNaming(total, tmp["d2"], "big.zip: entry 'extra.bin' (3.0 MB) brings the unpacked size to", "above the 2.0 MB allowed (MONITORING_ZIP_MAX_BYTES)");

        // Entry count.
        var many = CliRun.Of(Zip(tmp, "many"), tmp["d3"], env: new Dictionary<string, string> { ["MONITORING_ZIP_MAX_ENTRIES"] = "5" });
        AssertRefusedNaming(many, tmp["d3"], "many.zip: 11 entries, more than the 5 an export may hold");
    }

    /// <summary>Rewrites the uncompressed size of one entry in its local header (offset 22) and central directory record (offset 24).</summary>
    static void PatchUncompressedSize(string zipPath, string entryName, uint size)
    {
        var bytes = File.ReadAllBytes(zipPath);
        var name = System.Text.Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var sig = BitConverter.ToUInt32(bytes, i);
            if (sig == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name)) { BitConverter.TryWriteBytes(bytes.AsSpan(i + 22), size); patched++; }
            if (sig == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name)) { BitConverter.TryWriteBytes(bytes.AsSpan(i + 24), size); patched++; }
        }
        Assert.Equal(2, patched);
        File.WriteAllBytes(zipPath, bytes);
    }
}
