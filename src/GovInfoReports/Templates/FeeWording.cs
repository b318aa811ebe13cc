using System;
using System.Collections.Generic;

namespace GovInfoReports.Templates;

/// <summary>
/// How a format's reports state the information-processing fees charged (<c>"fee"</c> in its template file; the 2021
/// format asks for it under 六、其他需要报告的事项): the words that name the fee (信息处理费) and the words that say none was
/// charged (未收取). Extraction reads the statement as <see cref="Extraction.ReadResult.Fee"/>.
/// </summary>
public sealed class FeeWording
{
    /// <summary>Creates the wording. Called by generated code and by the template loader.</summary>
    /// <param name="subjects">The words that name the fee.</param>
    /// <param name="none">The words that say none was charged.</param>
    public FeeWording(IReadOnlyList<string> subjects, IReadOnlyList<string> none)
    {
        Subjects = subjects ?? throw new ArgumentNullException(nameof(subjects));
        None = none ?? throw new ArgumentNullException(nameof(none));
    }

    /// <summary>The words that name the fee.</summary>
    public IReadOnlyList<string> Subjects { get; }

    /// <summary>The words that say none was charged.</summary>
    public IReadOnlyList<string> None { get; }
}
