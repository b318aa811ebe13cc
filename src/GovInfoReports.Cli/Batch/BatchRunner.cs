using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace GovInfoReports.Cli.Batch;

/// <summary>
/// Processes files in parallel with bounded memory, handing results on in input order: a file is started only
/// when fewer than <c>window</c> files are between it and the oldest result not yet handed on, so at most
/// <c>window</c> results (and the texts being read) are held at any time, however many files there are.
/// </summary>
internal static class BatchRunner
{
    public static void Run(IReadOnlyList<InputFile> files, Func<InputFile, FileResult> analyze, Action<FileResult> consume, int workers, int window, Action? progress = null)
    {
        workers = Math.Max(1, workers);
        window = Math.Max(workers, window);
        using var slots = new SemaphoreSlim(window, window);
        var queue = Channel.CreateBounded<InputFile>(new BoundedChannelOptions(workers) { SingleWriter = true });
        var pending = new Dictionary<int, FileResult>();
        var gate = new object();
        int next = 0;
        Exception? failure = null;

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var file in files)
                {
                    await slots.WaitAsync().ConfigureAwait(false);
                    if (Volatile.Read(ref failure) is not null)
                        break;
                    await queue.Writer.WriteAsync(file).ConfigureAwait(false);
                }
            }
            finally
            {
                queue.Writer.TryComplete();
            }
        });

        var consumers = new Task[workers];
        for (int w = 0; w < workers; w++)
        {
            consumers[w] = Task.Run(async () =>
            {
                await foreach (var file in queue.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    if (Volatile.Read(ref failure) is not null)
                        continue;
                    try
                    {
                        var result = analyze(file);
                        lock (gate)
                        {
                            pending.Add(result.Index, result);
                            while (pending.Remove(next, out var ready))
                            {
                                consume(ready);
                                next++;
                                progress?.Invoke();
                                slots.Release();
                            }
                        }
                    }
                    catch (Exception ex)
                    {
                        // A failure to write the output ends the run; keep the first one and let the producer stop.
                        Interlocked.CompareExchange(ref failure, ex, null);
                        try
                        {
                            slots.Release();
                        }
                        catch (SemaphoreFullException)
                        {
                        }
                    }
                }
            });
        }

        Task.WaitAll(consumers);
        producer.Wait();
        if (failure is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }
}
