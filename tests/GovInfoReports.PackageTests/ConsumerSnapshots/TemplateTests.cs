using GovInfoReports.Testing;
using Xunit;

namespace ConsumerSnapshots;

public class TemplateTests
{
    // The summary and the generated sources of templates/2025.json, compared with TemplateTests.Template2025#*.verified.*
    [Fact]
    public void Template2025() => TemplateSnapshot.Verify("templates/2025.json", "Consumer");
}
