using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CommonGround.Web.Pages.Children;

/// <summary>Every page about a child loads the person's access to that child once, and is refused unless it allows them.</summary>
public static class Conventions
{
    public static void Apply(PageConventionCollection conventions) =>
        conventions.AddFolderApplicationModelConvention("/Children", model => model.Filters.Add(new ServiceFilterAttribute(typeof(ChildAccessFilter))));
}
