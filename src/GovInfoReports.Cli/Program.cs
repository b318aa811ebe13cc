using System;
using GovInfoReports.Templates;

Console.WriteLine(TemplateRegistry.All.Count);
