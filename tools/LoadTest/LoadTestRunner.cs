using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Monitoring.Tools.Bench.Panels;

namespace Monitoring.Tools.LoadTest;

/// <summary>
/// A closed-loop HTTP load: each of N workers keeps one request in flight on its own connection (SocketsHttpHandler,
/// MaxConnectionsPerServer = N) and sends the next as soon as the previous response body has been read. Latency is
/// from sending to the last byte; a non-2xx status, a timeout or a socket error is an error. Requests started
/// during the warm-up are not counted.
/// </summary>
public static class LoadTestRunner
{
    public static async Task<LoadTestResult> RunAsync(LoadTestOptions o, CancellationToken cancel = default)
    {
        // One worker a connection: make sure the thread pool does not ramp up slowly under the first burst.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Math.Min(o.Connections, 256)), Math.Max(io, Math.Min(o.Connections, 256)));
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = o.Connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = o.RequestTimeout,
        };
        using var client = new HttpClient(handler) { Timeout = o.RequestTimeout };

        var clock = Stopwatch.StartNew();
        var measureFrom = TimeSpan.FromSeconds(o.WarmupSeconds);
        var stopAt = measureFrom + TimeSpan.FromSeconds(o.Seconds);
        var latencies = new List<double>[o.Connections];
        var errors = new ConcurrentDictionary<string, long>();
        long bytes = 0;

        async Task Worker(int w)
        {
            var mine = latencies[w] = new List<double>(4096);
            var buffer = new byte[64 * 1024];
            while (!cancel.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                if (started >= stopAt) break;
                var counted = started >= measureFrom;
                string? error = null;
                long read = 0;
                try
                {
                    using var response = await client.GetAsync(o.Url, HttpCompletionOption.ResponseHeadersRead, cancel);
                    await using var body = await response.Content.ReadAsStreamAsync(cancel);
                    int n;
                    while ((n = await body.ReadAsync(buffer, cancel)) > 0) read += n;
                    if (!response.IsSuccessStatusCode) error = $"http {(int)response.StatusCode}";
                }
                catch (TaskCanceledException) when (!cancel.IsCancellationRequested) { error = "timeout"; }
                catch (HttpRequestException e) { error = e.HttpRequestError.ToString(); }
                if (!counted) continue;
                if (error is null)
                {
                    mine.Add((clock.Elapsed - started).TotalMilliseconds);
                    Interlocked.Add(ref bytes, read);
                }
                else errors.AddOrUpdate(error, 1, (_, c) => c + 1);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, o.Connections).Select(w => Task.Run(() => Worker(w), cancel)));
        // Requests started before the end finish after it: the measured window is from the warm-up's end to the last completion.
        var window = Math.Max((clock.Elapsed - measureFrom).TotalSeconds, 1e-9);
        var all = latencies.Where(l => l is not null).SelectMany(l => l).ToList();
        all.Sort();
        var ok = all.Count;
        var errorCount = errors.Values.Sum();
        return new LoadTestResult(o.Url.ToString(), o.Connections, window, ok + errorCount, (ok + errorCount) / window,
            PanelTiming.Percentile(all, 50), PanelTiming.Percentile(all, 90), PanelTiming.Percentile(all, 99), ok > 0 ? all[^1] : double.NaN,
            errorCount, errors.ToDictionary(e => e.Key, e => e.Value), ok > 0 ? Interlocked.Read(ref bytes) / ok : 0, o.P99TargetMs,
            BenchmarkReport.LoadAverage());
    }
}
