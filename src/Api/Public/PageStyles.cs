namespace Platform.Api.Public;

/// <summary>The catalog pages' only stylesheet: inline, no external assets, one column on a phone, a grid on wider screens.</summary>
internal static class PageStyles
{
    public const string Css = """
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f5f7fa}
        a{color:#0b5cad}
        header.top{background:#123c69;color:#fff;padding:.75rem 1rem}
        header.top a{color:#fff;text-decoration:none;font-weight:700;font-size:1.15rem}
        main{max-width:72rem;margin:0 auto;padding:1rem}
        footer{color:#52606d;font-size:.85rem;text-align:center;padding:2rem 1rem}
        h1{font-size:1.5rem;margin:.25rem 0 1rem}
        form.search{display:flex;gap:.5rem;margin-bottom:1rem}
        form.search input[type=search]{flex:1;min-width:0;padding:.7rem;font-size:1rem;border:1px solid #9aa5b1;border-radius:.4rem}
        button,.button{background:#0b5cad;color:#fff;border:0;border-radius:.4rem;padding:.7rem 1.1rem;font-size:1rem;cursor:pointer;text-decoration:none;display:inline-block}
        .layout{display:grid;gap:1rem}
        .layout>*{min-width:0}
        @media(min-width:50rem){.layout{grid-template-columns:16rem 1fr}}
        aside.facets details{background:#fff;border-radius:.5rem;padding:.5rem .75rem;margin-bottom:.5rem}
        aside.facets summary{font-weight:600;cursor:pointer}
        aside.facets ul{list-style:none;margin:.5rem 0;padding:0}
        aside.facets li a{display:flex;justify-content:space-between;padding:.3rem 0;text-decoration:none}
        aside.facets li a.on{font-weight:700}
        aside.facets li a.on span:first-child::before{content:"✓ "}
        @media(max-width:49.99rem){aside.facets ul{display:flex;gap:.4rem;overflow-x:auto;margin:.3rem 0}
        aside.facets li a{white-space:nowrap;gap:.4rem;background:#eef2f7;border-radius:1rem;padding:.25rem .75rem}}
        .count{color:#52606d}
        .summary{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;margin-bottom:.75rem}
        .summary p,.chips{margin:.25rem 0}
        .chips a{display:inline-block;background:#dbeafe;border-radius:1rem;padding:.15rem .7rem;margin:.15rem;text-decoration:none}
        .suggest{background:#fff8db;padding:.6rem .8rem;border-radius:.4rem}
        ul.cards{list-style:none;padding:0;margin:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}
        .card{background:#fff;border-radius:.6rem;overflow:hidden;box-shadow:0 1px 3px #0002;height:100%}
        .card a{color:inherit;text-decoration:none;display:block}
        .card .body{padding:.75rem}
        .card h2{font-size:1.05rem;margin:0 0 .25rem}
        .photo{aspect-ratio:4/3;width:100%;object-fit:cover;background:#d9e2ec;display:block}
        .placeholder{display:flex;align-items:center;justify-content:center;color:#52606d;font-size:1.5rem;font-weight:700}
        .price{font-size:1.2rem;font-weight:700;color:#0f609b}
        .before{color:#52606d;margin-left:.5rem;font-size:.95rem}
        .meta{color:#52606d;font-size:.9rem}
        .badge{background:#f0b429;color:#1f2933;border-radius:.3rem;padding:0 .4rem;font-size:.8rem;font-weight:700}
        mark{background:#fff3c4}
        nav.pages{display:flex;gap:1rem;justify-content:center;margin:1.5rem 0}
        .gallery{display:grid;gap:.5rem;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr))}
        .gallery img{border-radius:.5rem}
        .detail{display:grid;gap:1.5rem}
        @media(min-width:60rem){.detail{grid-template-columns:2fr 1fr}}
        dl.attributes{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem;background:#fff;padding:1rem;border-radius:.5rem}
        dl.attributes dt{color:#52606d}
        dl.attributes dd{margin:0;font-weight:600}
        .description{white-space:pre-line;background:#fff;padding:1rem;border-radius:.5rem}
        form.quote{background:#fff;padding:1rem;border-radius:.5rem;display:grid;gap:.6rem}
        form.quote label{display:grid;gap:.2rem;font-weight:600}
        form.quote input,form.quote textarea{font:inherit;padding:.6rem;border:1px solid #9aa5b1;border-radius:.4rem;width:100%}
        form.quote label.consent{display:flex;gap:.5rem;font-weight:400;align-items:flex-start}
        form.quote label.consent input{width:auto;margin-top:.3rem}
        .error{color:#ab091e;font-weight:400;font-size:.9rem}
        .trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
        .notice{background:#fff;padding:1.5rem;border-radius:.5rem;max-width:40rem}
        """;
}
