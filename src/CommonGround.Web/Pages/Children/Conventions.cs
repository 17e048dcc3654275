using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CommonGround.Web.Pages.Children;

/// <summary>Every page with child data is behind the two-factor gate for professionals.</summary>
public static class Conventions
{
    public static void Apply(PageConventionCollection conventions) =>
        conventions.AddFolderApplicationModelConvention("/Children", model => model.Filters.Add(new ServiceFilterAttribute(typeof(TwoFactorGate))));
}
