namespace GovInfoReports.Extraction;

/// <summary>
/// The one rule for the buffers a read reuses on its thread (the token list, the tokenizer's cells): a read rents the
/// thread's free one (a new one when it is taken, as by a read nested in another), owns it until it gives it back, and
/// the buffer is kept for the thread's next read only when the owner says it is within its bound. Nothing rented
/// outlives the read that rented it (results copy what they keep), and nothing is shared between threads.
/// </summary>
/// <remarks>
/// The other per-thread state of extraction follows the same rule in its own shape: the matchers, one per template
/// (<see cref="TemplateMatcher.Rent"/>), and the normalisation's scratch buffer, whose spans are valid only until the
/// next normalisation on the thread (<see cref="ReportText"/>); the tables of word keys are caches, bounded and
/// cleared when full.
/// </remarks>
/// <typeparam name="T">The buffer's type.</typeparam>
internal static class ThreadReuse<T>
    where T : class, new()
{
    [System.ThreadStatic]
    private static T? t_free;

    /// <summary>The thread's free buffer, or a new one.</summary>
    public static T Rent()
    {
        var item = t_free ?? new T();
        t_free = null;
        return item;
    }

    /// <summary>Gives a rented buffer back; it is kept for the thread's next read when <paramref name="keep"/>.</summary>
    public static void Return(T item, bool keep)
    {
        if (keep)
            t_free = item;
    }
}
