using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using GovInfoReports.Cli.Batch;
using Xunit;

namespace GovInfoReports.Tests.Cli;

/// <summary>The batch runner: results in input order, at most <c>window</c> files in flight, a failing consumer ends the run.</summary>
public sealed class BatchRunnerTests
{
    private static List<InputFile> Files(int count) =>
        Enumerable.Range(0, count).Select(i => new InputFile(i, "f" + i, "f" + i)).ToList();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 5)]
    [InlineData(4, 64)]
    public void Results_come_in_input_order_with_at_most_window_files_held(int workers, int window)
    {
        var files = Files(300);
        var handed = new List<int>();
        int inFlight = 0, maxInFlight = 0;
        BatchRunner.Run(files, file =>
        {
            int now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            // Uneven work, so that later files often finish first.
            Thread.SpinWait(file.Index * 7919 % 13 * 2000);
            return new FileResult(file.Index, file.Display);
        }, result =>
        {
            handed.Add(result.Index);
            Interlocked.Decrement(ref inFlight);
        }, workers, window);

        Assert.Equal(Enumerable.Range(0, 300), handed);
        Assert.InRange(maxInFlight, 1, Math.Max(workers, window));
    }

    [Fact]
    public void No_files_is_no_result()
    {
        int calls = 0;
        BatchRunner.Run(Files(0), f => { calls++; return new FileResult(f.Index, f.Display); }, _ => calls++, workers: 4, window: 8);
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_failing_consumer_ends_the_run_with_its_exception_and_no_worker_hangs(int workers)
    {
        int consumed = 0;
        var error = Assert.Throws<IOException>(() => BatchRunner.Run(Files(500), f => new FileResult(f.Index, f.Display), result =>
        {
            if (result.Index == 10)
                throw new IOException("disk full");
            consumed++;
        }, workers, window: workers * 2));
        Assert.Equal("disk full", error.Message);
        Assert.Equal(10, consumed);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
