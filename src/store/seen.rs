//! What crieur last recorded of each site's gatherings, to tell new and changed ones from
//! those already known. Not rebuildable from the sites (it is what they said before), so it
//! survives schema changes; a new data dir starts with none, and announces nothing old.

use super::{Store, StoreError};
use serde::Serialize;
use serde::de::DeserializeOwned;

#[derive(Serialize, serde::Deserialize)]
struct Record<T> {
    /// The version of crieur that read the site: another reads posts differently, and its
    /// first reading is recorded without news.
    reader: String,
    gatherings: T,
}

impl Store {
    /// The record of a site (`site_key`), with the version of crieur that wrote it.
    pub fn seen<T: DeserializeOwned>(&self, site: &str) -> Result<Option<(String, T)>, StoreError> {
        let Some(bytes) = self.seen.get(site)? else {
            return Ok(None);
        };
        let record: Record<T> = serde_json::from_slice(&bytes)?;
        Ok(Some((record.reader, record.gatherings)))
    }

    /// Replaces the record of a site, durably.
    pub fn set_seen<T: Serialize>(
        &self,
        site: &str,
        reader: &str,
        gatherings: &T,
    ) -> Result<(), StoreError> {
        let record = Record {
            reader: reader.to_string(),
            gatherings,
        };
        self.seen.insert(site, serde_json::to_vec(&record)?)?;
        self.seen.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn a_record_survives_reopening_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let mut record = BTreeMap::new();
        record.insert("a".to_string(), 3u32);
        {
            let store = Store::open(dir.path()).unwrap();
            assert!(
                store
                    .seen::<BTreeMap<String, u32>>("/site")
                    .unwrap()
                    .is_none()
            );
            store.set_seen("/site", "0.1.0", &record).unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        let (reader, back) = store
            .seen::<BTreeMap<String, u32>>("/site")
            .unwrap()
            .unwrap();
        assert_eq!((reader.as_str(), back), ("0.1.0", record));
        assert!(
            store
                .seen::<BTreeMap<String, u32>>("/other")
                .unwrap()
                .is_none()
        );
    }
}
