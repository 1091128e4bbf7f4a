//! JSON values to Python objects and back.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

use crate::errors::{Failed, IntoPyErr};

/// A JSON value as `dict` / `list` / `str` / `int` / `float` / `bool` / `None`.
pub fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// A Python argument as JSON. `path` names it in errors (`line_items[0].quantity`).
///
/// Besides JSON's own types this takes tuples (as arrays), `datetime` and `date` (as RFC 3339
/// text; a naive `datetime` is taken as UTC) and the package's models (through `to_dict()`).
pub fn from_py(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    let fail = |message: String| Failed::invalid(Some(path.to_string()), message).into_pyerr();
    let py_err = |e: PyErr| fail(e.to_string());
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        return obj
            .extract::<u64>()
            .map(Value::from)
            .map_err(|_| fail("is an integer too large for JSON".into()));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| fail("is not a finite number".into()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_str().map_err(py_err)?.to_owned()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        return object(dict, path);
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter().map_err(py_err)?.enumerate() {
            items.push(from_py(&item.map_err(py_err)?, &format!("{path}[{i}]"))?);
        }
        return Ok(Value::Array(items));
    }
    if obj.hasattr("isoformat").unwrap_or(false) && obj.hasattr("year").unwrap_or(false) {
        let text: String = obj
            .call_method0("isoformat")
            .and_then(|t| t.extract())
            .map_err(py_err)?;
        let naive = obj.hasattr("hour").unwrap_or(false)
            && obj
                .call_method0("utcoffset")
                .map(|o| o.is_none())
                .unwrap_or(false);
        return Ok(Value::String(if naive { format!("{text}Z") } else { text }));
    }
    if obj.hasattr("to_dict").unwrap_or(false) {
        let dict = obj.call_method0("to_dict").map_err(py_err)?;
        return from_py(&dict, path);
    }
    let type_name = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    Err(fail(format!("a {type_name} cannot be sent as JSON")))
}

/// A `dict` with `str` keys as a JSON object; `prefix` is the path of the dict itself.
pub fn object(dict: &Bound<'_, PyDict>, prefix: &str) -> PyResult<Value> {
    Ok(Value::Object(map(dict, prefix)?))
}

pub fn map(dict: &Bound<'_, PyDict>, prefix: &str) -> PyResult<Map<String, Value>> {
    let mut out = Map::new();
    for (key, value) in dict.iter() {
        let key: String = key.extract().map_err(|_| {
            Failed::invalid(
                (!prefix.is_empty()).then(|| prefix.to_string()),
                "has a key that is not a string",
            )
            .into_pyerr()
        })?;
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        out.insert(key, from_py(&value, &path)?);
    }
    Ok(out)
}
