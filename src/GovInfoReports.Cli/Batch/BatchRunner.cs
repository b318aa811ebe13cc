using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace GovInfoReports.Cli.Batch;

/// <summary>
/// Processes files in parallel with bounded memory, handing results on in input order: a file is started only
/// when fewer than <c>window</c> files are between it and the oldest result not yet handed on, so at most
/// <c>window</c> results (and the texts being read) are held at any time, however many files there are.
/// </summary>
/// <remarks>
/// Each worker is a dedicated thread that takes the next file itself (one atomic increment) and blocks only when
/// the window is full: no producer, queue or thread-pool hand-off per file, which on small files costs as much as
/// reading them.
/// </remarks>
internal static class BatchRunner
{
    public static void Run(IReadOnlyList<InputFile> files, Func<InputFile, FileResult> analyze, Action<FileResult> consume, int workers, int window, Action? progress = null)
    {
        workers = Math.Max(1, Math.Min(workers, Math.Max(1, files.Count)));
        window = Math.Max(workers, window);
        using var slots = new SemaphoreSlim(window, window);
        var pending = new Dictionary<int, FileResult>();
        var gate = new object();
        int next = 0;
        int taken = -1;
        Exception? failure = null;

        void Work()
        {
            while (true)
            {
                slots.Wait();
                int index = Interlocked.Increment(ref taken);
                if (index >= files.Count || Volatile.Read(ref failure) is not null)
                {
                    // Done (or stopping): pass the slot on so that a worker waiting for one wakes and stops too.
                    slots.Release();
                    return;
                }

                try
                {
                    var result = analyze(files[index]);
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
                    // A failure to write the output ends the run: keep the first one, and free the slots of results
                    // that will now never be handed on, so that no worker waits for them.
                    Interlocked.CompareExchange(ref failure, ex, null);
                    for (int i = 0; i < workers; i++)
                    {
                        try
                        {
                            slots.Release();
                        }
                        catch (SemaphoreFullException)
                        {
                            break;
                        }
                    }

                    return;
                }
            }
        }

        var threads = new Task[workers - 1];
        for (int w = 0; w < threads.Length; w++)
            threads[w] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Work();
        Task.WaitAll(threads);
        if (failure is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }
}
