use crieur::export::json;
use crieur::extract;
use crieur::ingest::{self, SiteSpec};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let spec = SiteSpec {
        root: args[1].clone().into(),
        base_url: url::Url::parse("https://www.georchestra.org/").ok(),
        permalink: None,
        drafts: false,
    };
    let reading = ingest::read_site(&spec, 0);
    for p in &reading.problems {
        eprintln!("{p}");
    }
    let extractions: Vec<_> = reading.posts.iter().map(|p| (p, extract::extract(p))).collect();
    let export = json::Export {
        posts: extractions.iter().map(|(p, e)| json::post(p, e)).collect(),
    };
    println!("{}", serde_json::to_string_pretty(&export).unwrap());
}
